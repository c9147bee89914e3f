package io.redflag.service.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.PollingSource;
import io.redflag.service.cluster.LeaderWork;
import io.redflag.service.store.UserDirectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of the sync flow: on the replica that leads, unless paused (on any replica: the pause is shared
 * through the store), polls the objects the {@link PollSchedule} says are due, tells
 * the schedule what each poll found (so idle objects back off and changed ones snap back), and hands on the
 * accounts whose scoring inputs changed (null when none, so the flow sends nothing). A failure is logged in
 * one line and kept in the sync state; the failed objects are tried again after the minimum interval, from
 * their stored watermarks.
 */
public final class SyncFlow {
    private static final Logger log = LoggerFactory.getLogger(SyncFlow.class);
    private final PollingSource source;
    private final PollSchedule schedule;
    private final MeterRegistry meters;
    private final UserDirectory users;
    private final LeaderWork work;
    private final SharedPause pause;
    private final String replica;

    SyncFlow(PollingSource source, PollSchedule schedule, MeterRegistry meters, UserDirectory users, LeaderWork work,
            SharedPause pause, String replica) {
        this.source = source;
        this.schedule = schedule;
        this.meters = meters;
        this.users = users;
        this.work = work;
        this.pause = pause;
        this.replica = replica;
        // Between pages and objects, a read stops when the pause is set anywhere or this replica stops leading.
        source.state().mayGoOn(() -> work.mayGoOn() && !pause.paused());
    }

    /** Called by the flow's poller, every tick, on every replica (so each one's health shows the shared pause). */
    public Set<String> poll() {
        if (pause.paused()) {
            return null;
        }
        return work.run(this::pollDue);
    }

    private synchronized Set<String> pollDue() {
        List<String> due = schedule.due();
        if (due.isEmpty()) {
            return null;
        }
        Set<String> changed = new LinkedHashSet<>();
        Set<String> polled = ConcurrentHashMap.newKeySet();
        try {
            source.poll(due, schedule::deletionCheckEvery, r -> {
                polled.add(r.entity());
                schedule.polled(r.entity(), r.sawChanges(), r.calls());
                count(r);
                synchronized (changed) {
                    changed.addAll(r.changedAccounts());
                }
            });
        } catch (RuntimeException e) {
            due.stream().filter(entity -> !polled.contains(entity)).forEach(schedule::failed);
            meters.counter("redflag.sync.failures").increment();
            log.warn("Sync poll failed; the next poll resumes from the stored watermarks: {}", e.getMessage());
        }
        meters.counter("redflag.sync.accounts.changed").increment(changed.size());
        return changed.isEmpty() ? null : changed;
    }

    private void count(PollingSource.ObjectResult r) {
        if (r.entity().equals("user") && r.written() > 0) {
            users.forget();
        }
        String entity = r.entity();
        meters.counter("redflag.sync.records.read", "entity", entity).increment(r.read());
        meters.counter("redflag.sync.records.unchanged", "entity", entity).increment(r.unchanged());
        meters.counter("redflag.sync.records.rejected", "entity", entity).increment(r.rejected());
        meters.counter("redflag.sync.records.deleted", "entity", entity).increment(r.deleted());
        meters.counter("redflag.sync.api.calls", "entity", entity).increment(r.calls());
    }

    /** Pauses the sync of every replica: the leader stops at its next safe point, within a second of a page. */
    public void pause() {
        pause.set(true, "POST /actuator/sync on replica " + replica);
        log.info("Sync paused (on every replica): polls read nothing until it is resumed");
    }

    public void resume() {
        pause.set(false, "POST /actuator/sync on replica " + replica);
        log.info("Sync resumed (on every replica)");
    }
}
