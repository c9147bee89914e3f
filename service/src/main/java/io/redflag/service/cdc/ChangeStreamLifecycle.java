package io.redflag.service.cdc;

import io.redflag.connector.intake.cdc.ChangeDataCapture;
import io.redflag.service.cluster.LeaderWork;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the change stream where intake runs: on the replica that leads. Once the context is up it looks every
 * {@link #FOLLOW} whether this replica may do leader work ({@link LeaderWork#mayGoOn()}), subscribes when it may
 * and unsubscribes (after the batch being stored) when it no longer may; on shutdown it stops the stream before
 * the leader work reaches its safe point and the lock is released (this phase stops first). Leadership changes
 * hands within a heartbeat or a lease, so two replicas may both store one batch of events around a takeover:
 * storing is by record state and the replay id goes with its batch, so that stores nothing twice.
 */
public final class ChangeStreamLifecycle implements SmartLifecycle {
    static final Duration FOLLOW = Duration.ofSeconds(1);

    private final ChangeDataCapture cdc;
    private final LeaderWork leaderWork;
    private final boolean autoStartup;
    private ScheduledExecutorService follower;

    /** @param cdc the stream, or null when Change Data Capture is off */
    ChangeStreamLifecycle(ChangeDataCapture cdc, LeaderWork leaderWork, boolean autoStartup) {
        this.cdc = cdc;
        this.leaderWork = leaderWork;
        this.autoStartup = autoStartup;
    }

    /** The stream, or null when Change Data Capture is off. */
    public ChangeDataCapture stream() {
        return cdc;
    }

    @Override
    public synchronized void start() {
        if (cdc == null || follower != null) {
            return;
        }
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redflag-cdc-leadership");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(this::followLeadership, 0, FOLLOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void followLeadership() {
        boolean lead = leaderWork.mayGoOn();
        if (lead && !cdc.running()) {
            cdc.start();
        } else if (!lead && cdc.running()) {
            cdc.stop();
        }
    }

    @Override
    public synchronized void stop() {
        if (follower != null) {
            follower.shutdownNow();
            try {
                follower.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            follower = null;
        }
        if (cdc != null) {
            cdc.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return follower != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}
