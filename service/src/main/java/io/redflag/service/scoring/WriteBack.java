package io.redflag.service.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.writeback.CrmWriter;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.connector.writeback.WriteResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox and the follow-up ledger hold to the CRM. A CRM outage throws out of {@link #flush}
 * with everything still pending; the next flush sends the latest truth. Tasks are looked up by key before
 * they are created, so a crash between a create and its note never makes a second task; a closed task under
 * the key is an earlier follow-up, not this one. Counts the tasks the CRM created in {@value #TASKS_CREATED}.
 */
public final class WriteBack {
    private static final Logger log = LoggerFactory.getLogger(WriteBack.class);
    private static final int CHUNK = 2_000;
    static final String TASKS_CREATED = "redflag.followups.created";

    /** What one flush wrote. */
    public record Flush(int accountsWritten, int accountsFailed, int tasksCreated, int tasksFailed) {
    }

    private final CrmWriter writer;
    private final Outbox outbox;
    private final FollowUpLedger ledger;
    private final Counter tasksCreated;

    WriteBack(CrmWriter writer, Outbox outbox, FollowUpLedger ledger, MeterRegistry meters) {
        this.writer = writer;
        this.outbox = outbox;
        this.ledger = ledger;
        this.tasksCreated = Counter.builder(TASKS_CREATED).baseUnit("tasks")
                .description("follow-up tasks the CRM created (not one found there already after a crash)")
                .register(meters);
    }

    public synchronized Flush flush() {
        int written = 0;
        int failed = 0;
        List<io.redflag.connector.writeback.AccountRiskUpdate> updates;
        while (!(updates = outbox.pending(CHUNK)).isEmpty()) {
            List<WriteResult> results = writer.updateAccounts(updates);
            outbox.record(results);
            int ok = (int) results.stream().filter(WriteResult::ok).count();
            written += ok;
            failed += results.size() - ok;
            if (ok == 0) {
                break; // nothing went through: leave the rest for the next flush
            }
        }
        int created = 0;
        int taskFailures = 0;
        List<NewFollowUpTask> planned;
        while (!(planned = ledger.planned(CHUNK)).isEmpty()) {
            // Only an open task can be the one this plan asked for (created just before a crash). A closed task
            // under the key is an earlier follow-up whose cooldown has run out: the plan needs a new task.
            Map<String, CrmWriter.ExistingTask> already = new HashMap<>();
            writer.findTasksByKeys(planned.stream().map(NewFollowUpTask::key).toList()).forEach((key, task) -> {
                if (!task.closed()) {
                    already.put(key, task);
                }
            });
            ledger.found(already);
            List<NewFollowUpTask> missing = planned.stream().filter(t -> !already.containsKey(t.key())).toList();
            List<WriteResult> results = missing.isEmpty() ? List.of() : writer.createTasks(missing);
            ledger.record(results);
            int ok = (int) results.stream().filter(WriteResult::ok).count();
            tasksCreated.increment(ok);
            created += ok;
            taskFailures += results.size() - ok;
            if (ok == 0 && already.isEmpty()) {
                break;
            }
        }
        Flush flush = new Flush(written, failed, created, taskFailures);
        if (written + failed + created + taskFailures > 0) {
            log.info("Write-back: {} accounts updated ({} failed), {} follow-up tasks created ({} failed)", written,
                    failed, created, taskFailures);
        }
        return flush;
    }
}
