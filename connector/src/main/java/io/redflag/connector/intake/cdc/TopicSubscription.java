package io.redflag.connector.intake.cdc;

import com.google.protobuf.ByteString;
import io.github.resilience4j.core.IntervalFunction;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.pubsub.v1.FetchRequest;
import io.redflag.pubsub.v1.FetchResponse;
import io.redflag.pubsub.v1.PubSubGrpc;
import io.redflag.pubsub.v1.ReplayPreset;
import io.redflag.pubsub.v1.TopicInfo;
import io.redflag.pubsub.v1.TopicRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's Subscribe stream, on a thread of its own: resumes just after the stored replay id (or from the
 * tip when none is stored, with the channel's objects reconciled by a poll), asks for {@code batchSize} events,
 * stores each batch before asking for as many more, and reconnects after a failure: at once after
 * re-authenticating (UNAUTHENTICATED), from the tip when the replay id is refused (outside retention), else after
 * a backoff that doubles with jitter (Resilience4j's interval function). Stops at a safe point: between batches.
 */
final class TopicSubscription {
    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);
    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code",
            Metadata.ASCII_STRING_MARSHALLER);
    /** How often the stream's thread looks up from waiting for an answer, to notice a stop. */
    private static final long LOOK_UP_MILLIS = 200;

    private final String topic;
    private final List<String> entities;
    private final PubSubGrpc.PubSubStub stub;
    private final PubSubGrpc.PubSubBlockingStub blocking;
    private final SessionCredentials credentials;
    private final Batches batches;
    private final ReplayStore replay;
    private final ChangeStreamListener listener;
    private final CdcSettings settings;
    private final IntervalFunction backoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean up;
    /** Failures in a row since the last stream the server took; the backoff grows with them. */
    private int failures;
    /** Whether the session was renewed since the last stream the server took (a second refusal waits). */
    private boolean renewed;
    private volatile String lastError;
    private Thread thread;

    TopicSubscription(String topic, List<String> entities, PubSubGrpc.PubSubStub stub,
            PubSubGrpc.PubSubBlockingStub blocking, SessionCredentials credentials,
            ChangeEventDecoder decoder, ChangeEventIntake intake, IntakeStore store, ReplayStore replay,
            ChangeStreamListener listener, CdcSettings settings) {
        this.topic = topic;
        this.entities = List.copyOf(entities);
        this.stub = stub;
        this.blocking = blocking;
        this.credentials = credentials;
        this.batches = new Batches(topic, decoder, intake, store);
        this.replay = replay;
        this.listener = listener;
        this.settings = settings;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.5,
                settings.maxBackoff());
    }

    String topic() {
        return topic;
    }

    List<String> entities() {
        return entities;
    }

    boolean up() {
        return up;
    }

    /** Events stored since the start. */
    long stored() {
        return stored.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    String lastError() {
        return lastError;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "cdc " + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the batch being stored, if any; returns once the stream is closed. */
    void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        stopped.countDown();
        if (t != null) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                stream();
            } catch (StatusRuntimeException e) {
                down(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                if (!running) {
                    break;
                }
                reconnects.incrementAndGet();
                String code = e.getTrailers() == null ? null : e.getTrailers().get(ERROR_CODE);
                if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED && !renewed) {
                    log.info("Change stream {}: session refused; re-authenticating", topic);
                    credentials.renew();
                    renewed = true;
                    continue; // at once: an expired session is no outage
                } else if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                    credentials.renew();
                    failures++;
                    log.warn("Change stream {}: refused again after re-authenticating ({})", topic, lastError);
                } else if (code != null && code.contains("replayid")) {
                    log.warn("Change stream {}: the stored replay id is outside retention or refused ({}); resuming"
                            + " from the tip and reconciling {} by a poll", topic, code, entities);
                    replay.forgetReplayId(topic); // the tip subscription asks for the poll
                    continue;
                } else {
                    failures++;
                    log.warn("Change stream {} failed ({}); reconnecting", topic, lastError);
                }
                if (!pause(backoff.apply(failures))) {
                    break;
                }
            } catch (RuntimeException e) {
                // Storing failed (the database, a read): nothing moved past what is stored; ask again later.
                down(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("Change stream {}: a batch could not be stored ({}); resuming from the stored replay id",
                        topic, lastError);
                reconnects.incrementAndGet();
                failures++;
                if (!pause(backoff.apply(failures))) {
                    break;
                }
            }
        }
        down(null);
    }

    private void down(String error) {
        if (error != null) {
            lastError = error;
        }
        if (up) {
            up = false;
            listener.covering(entities, false);
        }
    }

    /** Waits unless stopped first; false when stopped. */
    private boolean pause(long millis) {
        try {
            return !stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One Subscribe stream, until it fails (thrown) or the subscription stops. */
    private void stream() {
        BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
        StreamObserver<FetchResponse> observer = new StreamObserver<>() {
            @Override
            public void onNext(FetchResponse value) {
                answers.add(value);
            }

            @Override
            public void onError(Throwable t) {
                answers.add(t);
            }

            @Override
            public void onCompleted() {
                answers.add(Status.UNAVAILABLE.withDescription("the server ended the stream").asRuntimeException());
            }
        };
        // GetTopic first: a wrong channel or a refused session shows at once, and the stream counts as up once
        // the server has taken its first request (a quiet channel may send nothing for minutes).
        TopicInfo info = blocking.withCallCredentials(credentials).withDeadlineAfter(30, TimeUnit.SECONDS)
                .getTopic(TopicRequest.newBuilder().setTopicName(topic).build());
        if (!info.getCanSubscribe()) {
            throw Status.PERMISSION_DENIED.withDescription("the integration user may not subscribe to " + topic)
                    .asRuntimeException();
        }
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<FetchRequest> requests = (ClientCallStreamObserver<FetchRequest>)
                stub.withCallCredentials(credentials).subscribe(observer);
        try {
            Optional<byte[]> from = replay.replayId(topic);
            FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic)
                    .setNumRequested(settings.batchSize());
            if (from.isPresent()) {
                first.setReplayPreset(ReplayPreset.CUSTOM).setReplayId(ByteString.copyFrom(from.get()));
            } else {
                first.setReplayPreset(ReplayPreset.LATEST);
            }
            requests.onNext(first.build());
            failures = 0;
            renewed = false;
            up = true;
            lastError = null;
            listener.covering(entities, true);
            if (from.isEmpty()) {
                // From the tip, what changed after the objects were last read comes by no event (first start,
                // a replay id refused): one poll of them from their cursors, asked for now that the request
                // is sent, catches up on it. Later changes come by the stream.
                listener.reconcile(entities);
            }
            log.info("Change stream {}: subscribed from {}", topic,
                    from.map(id -> "replay id " + HexFormat.of().formatHex(id)).orElse("the tip"));
            while (running) {
                Object answer = answers.poll(LOOK_UP_MILLIS, TimeUnit.MILLISECONDS);
                if (answer == null) {
                    continue;
                }
                if (answer instanceof Throwable t) {
                    throw t instanceof StatusRuntimeException s ? s : Status.fromThrowable(t).asRuntimeException(
                            Status.trailersFromThrowable(t));
                }
                FetchResponse response = (FetchResponse) answer;
                if (response.getEventsCount() > 0) {
                    stored.addAndGet(batches.take(response));
                    requests.onNext(FetchRequest.newBuilder().setTopicName(topic)
                            .setNumRequested(response.getEventsCount()).build());
                } else {
                    batches.keepalive(response);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            requests.cancel("the subscription stopped or failed", null);
        }
    }

}
