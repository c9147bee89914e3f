package io.redflag.emulator.pubsub;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.redflag.emulator.EmulatedTime;
import io.redflag.pubsub.v1.FetchResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The live Subscribe streams and what they share: the bus, the channels, the session check, the keepalive
 * interval and the threads that deliver (two, so that a write never waits for a subscriber).
 */
final class Streams implements AutoCloseable {
    private final EventBus bus;
    private final Channels channels;
    private final PubSubAuth auth;
    private final EmulatedTime time;
    private volatile Duration keepalive;
    private final Set<Subscription> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "pubsub-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong keepalives = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();

    Streams(EventBus bus, Channels channels, PubSubAuth auth, EmulatedTime time, Duration keepalive) {
        this.bus = bus;
        this.channels = channels;
        this.auth = auth;
        this.time = time;
        this.keepalive = keepalive;
        bus.onPublish(this::wakeAll);
    }

    Subscription open(ServerCallStreamObserver<FetchResponse> out, String token) {
        Subscription s = new Subscription(this, out, token);
        live.add(s);
        opened.incrementAndGet();
        return s;
    }

    /** Ends every live stream with the error {@code error} makes for each; returns how many. */
    int endAll(Supplier<StatusRuntimeException> error) {
        List<Subscription> all = List.copyOf(live);
        all.forEach(s -> s.end(error.get()));
        return all.size();
    }

    /** Makes every stream check its session now (after sessions were revoked). */
    void checkSessions() {
        List.copyOf(live).forEach(Subscription::checkSession);
    }

    void keepalive(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("keepalive " + interval + " must be positive");
        }
        this.keepalive = interval;
    }

    Duration keepalive() {
        return keepalive;
    }

    /** The keepalive interval in real nanoseconds: emulated time runs {@code scale} times faster. */
    long keepaliveNanos() {
        return Math.max(1, (long) (keepalive.toNanos() / time.scale()));
    }

    int liveCount() {
        return live.size();
    }

    long deliveredCount() {
        return delivered.get();
    }

    long keepaliveCount() {
        return keepalives.get();
    }

    long openedCount() {
        return opened.get();
    }

    EventBus bus() {
        return bus;
    }

    Channels channels() {
        return channels;
    }

    boolean live(String token) {
        return auth.live(token);
    }

    void delivered(int events) {
        delivered.addAndGet(events);
    }

    void keptAlive() {
        keepalives.incrementAndGet();
    }

    void closed(Subscription s) {
        live.remove(s);
    }

    void later(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: nothing more to deliver
        }
    }

    ScheduledFuture<?> every(long periodNanos, Runnable task) {
        return threads.scheduleWithFixedDelay(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void wakeAll() {
        live.forEach(s -> later(s::deliver));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
