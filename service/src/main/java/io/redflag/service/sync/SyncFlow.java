package io.redflag.service.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.service.store.UserDirectory;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the sync flow: unless paused, reads every object's changes into the store and hands on the
 * accounts whose scoring inputs changed (null when none, so the flow sends nothing). A failure is logged in
 * one line and kept in {@link SyncState}; the next poll resumes from the stored watermarks.
 */
public final class SyncFlow {
    private static final Logger log = LoggerFactory.getLogger(SyncFlow.class);
    private final CrmSync sync;
    private final MeterRegistry meters;
    private final UserDirectory users;

    public SyncFlow(CrmSync sync, MeterRegistry meters, UserDirectory users) {
        this.sync = sync;
        this.meters = meters;
        this.users = users;
    }

    /** Called by the flow's poller. */
    public synchronized Set<String> poll() {
        if (sync.state().paused()) {
            return null;
        }
        Set<String> changed = new LinkedHashSet<>();
        try {
            for (CrmSync.ObjectResult r : sync.syncAll()) {
                changed.addAll(r.changedAccounts());
                if (r.entity().equals("user") && r.written() > 0) {
                    users.forget();
                }
                String object = r.entity();
                meters.counter("redflag.sync.records.read", "entity", object).increment(r.read());
                meters.counter("redflag.sync.records.unchanged", "entity", object).increment(r.unchanged());
                meters.counter("redflag.sync.records.rejected", "entity", object).increment(r.rejected());
                meters.counter("redflag.sync.records.deleted", "entity", object).increment(r.deleted());
                meters.counter("redflag.sync.api.calls", "entity", object).increment(r.calls());
            }
        } catch (RuntimeException e) {
            meters.counter("redflag.sync.failures").increment();
            log.warn("Sync poll failed; the next poll resumes from the stored watermarks: {}", e.getMessage());
            return null;
        }
        meters.counter("redflag.sync.accounts.changed").increment(changed.size());
        return changed.isEmpty() ? null : changed;
    }

    public void pause() {
        sync.state().paused(true);
        log.info("Sync paused: polls read nothing until it is resumed");
    }

    public void resume() {
        sync.state().paused(false);
        log.info("Sync resumed");
    }
}
