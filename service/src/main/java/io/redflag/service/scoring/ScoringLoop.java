package io.redflag.service.scoring;

import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.DirtyAccounts;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives scoring and write-back: at once when the sync announces changed accounts, every few seconds from the
 * durable queue (nothing depends on a message arriving), and every account daily. Runs on its own thread, so
 * the sync never waits for scoring; a CRM outage during write-back leaves the outbox for the next round. Only
 * the replica that leads runs rounds; when it stops leading, a round stops between batches of accounts or write
 * chunks, leaving what it did not finish queued for the next leader.
 */
@Component
class ScoringLoop implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ScoringLoop.class);
    private final ScoringService scoring;
    private final WriteBack writeBack;
    private final DirtyAccounts dirty;
    private final ScoringProperties properties;
    private final LeaderWork work;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redflag-scoring");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    ScoringLoop(ScoringService scoring, WriteBack writeBack, DirtyAccounts dirty, ScoringProperties properties,
            LeaderWork work, @Qualifier("changedAccounts") SubscribableChannel changedAccounts) {
        this.scoring = scoring;
        this.writeBack = writeBack;
        this.dirty = dirty;
        this.properties = properties;
        this.work = work;
        changedAccounts.subscribe(message -> wake());
    }

    /** Asks for a round soon; many changes in a row make one round. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::round); // not submit: a Future would swallow an Error without a word
        }
    }

    @Scheduled(fixedDelayString = "${redflag.scoring.sweep-interval:5s}",
            initialDelayString = "${redflag.scoring.sweep-interval:5s}")
    void sweep() {
        wake();
    }

    /**
     * Every account again: silence grows with time even when nothing changes. Queued, so a restart keeps it;
     * queued by the leader only, so several replicas queue it once.
     */
    @Scheduled(cron = "${redflag.scoring.daily-cron:0 0 5 * * *}")
    void daily() {
        if (work.mayGoOn()) {
            dirty.queueEveryAccount();
            wake();
        }
    }

    private void round() {
        queued.set(false);
        work.run(() -> {
            scoreAndWrite();
            return null;
        });
    }

    private void scoreAndWrite() {
        try {
            scoring.scoreChanged(work::mayGoOn);
        } catch (RuntimeException e) {
            log.warn("Scoring failed; the accounts stay queued for the next round: {}", e.toString());
            return;
        } catch (Error e) {
            log.error("Scoring stopped with an error; the accounts stay queued for the next round", e);
            throw e;
        }
        if (!properties.writeBack()) {
            return;
        }
        try {
            writeBack.flush(work::confirmed);
        } catch (RuntimeException e) {
            log.warn("Write-back failed; everything stays in the outbox for the next round: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
