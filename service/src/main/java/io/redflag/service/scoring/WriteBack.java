package io.redflag.service.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.writeback.AccountRiskUpdate;
import io.redflag.connector.writeback.CrmWriter;
import io.redflag.connector.writeback.NewFollowUpTask;
import io.redflag.connector.writeback.WriteResult;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox and the follow-up ledger hold to the CRM. A CRM outage throws out of {@link #flush}
 * with everything still pending; the next flush sends the latest truth. Risk fields are state-based: sending
 * them again is harmless. Each task is created at most once ({@link CrmWriter#createTasks}): a key under which
 * the CRM holds an open task already is noted with that task, and a create whose answer was lost is looked for
 * before anything is sent again. Then the tasks that a created one took the place of are deleted
 * ({@link ReplacedFollowUps}): never before their replacement exists. Counts the tasks this write-back made in
 * {@value #TASKS_CREATED}.
 */
public final class WriteBack {
    private static final Logger log = LoggerFactory.getLogger(WriteBack.class);
    private static final int CHUNK = 2_000;
    static final String TASKS_CREATED = "redflag.followups.created";

    /**
     * What one flush wrote.
     *
     * @param tasksCreated        tasks the CRM made for this flush, whether its answer said so or a look-up
     *                            found the task after the answer was lost
     * @param tasksFoundAfterLost of those, the ones found after a lost answer (not sent again)
     * @param tasksAlreadyThere   planned tasks the CRM held already (an earlier create whose note was lost)
     * @param tasksFailed         planned tasks not in the CRM: refused, or left for the next flush
     * @param tasksReplaced       tasks a created one took the place of, whose deletion was settled (deleted, gone
     *                            already, kept because a rep touched them, or refused)
     */
    public record Flush(int accountsWritten, int accountsFailed, int tasksCreated, int tasksFoundAfterLost,
            int tasksAlreadyThere, int tasksFailed, int tasksReplaced) {
    }

    private final CrmWriter writer;
    private final Outbox outbox;
    private final FollowUpLedger ledger;
    private final ReplacedFollowUps replaced;
    private final Counter tasksCreated;

    WriteBack(CrmWriter writer, Outbox outbox, FollowUpLedger ledger, ReplacedFollowUps replaced,
            MeterRegistry meters) {
        this.writer = writer;
        this.outbox = outbox;
        this.ledger = ledger;
        this.replaced = replaced;
        this.tasksCreated = Counter.builder(TASKS_CREATED).baseUnit("tasks")
                .description("follow-up tasks the CRM created for Redflag (found after a lost answer included;"
                        + " not one found there already)")
                .register(meters);
    }

    public Flush flush() {
        return flush(() -> true);
    }

    /**
     * Writes what is pending, asking {@code stillLeading} before each chunk: when it says no, the rest stays
     * pending for the next leader (a replica whose lease ran out must not create a task another replica may be
     * creating too).
     */
    public synchronized Flush flush(BooleanSupplier stillLeading) {
        int written = 0;
        int failed = 0;
        List<AccountRiskUpdate> updates;
        while (stillLeading.getAsBoolean() && !(updates = outbox.pending(CHUNK)).isEmpty()) {
            List<WriteResult> results = writer.updateAccounts(updates);
            outbox.record(results);
            int ok = (int) results.stream().filter(WriteResult::ok).count();
            written += ok;
            failed += results.size() - ok;
            if (ok == 0) {
                break; // nothing went through: leave the rest for the next flush
            }
        }
        int answered = 0;
        int lost = 0;
        int there = 0;
        int taskFailures = 0;
        List<NewFollowUpTask> planned;
        while (stillLeading.getAsBoolean() && !(planned = ledger.planned(CHUNK)).isEmpty()) {
            List<WriteResult> results = writer.createTasks(planned);
            ledger.record(results);
            int ok = 0;
            for (WriteResult r : results) {
                if (!r.ok()) {
                    taskFailures++;
                    continue;
                }
                ok++;
                switch (r.evidence()) {
                    case ANSWERED -> answered++;
                    case FOUND_AFTER_LOST_ANSWER -> lost++;
                    case ALREADY_THERE -> there++;
                }
            }
            if (ok == 0) {
                break;
            }
        }
        int replacedTasks = 0;
        for (int settled = 1; settled > 0 && stillLeading.getAsBoolean(); replacedTasks += settled) {
            settled = replaced.deleteDue(CHUNK);
        }
        int created = answered + lost;
        tasksCreated.increment(created);
        Flush flush = new Flush(written, failed, created, lost, there, taskFailures, replacedTasks);
        if (written + failed + created + there + taskFailures + replacedTasks > 0) {
            log.info("Write-back: {} accounts updated ({} failed), {} follow-up tasks created ({} of them found in"
                    + " the CRM after their answer was lost), {} there already, {} failed; {} replaced tasks"
                    + " settled", written, failed, created, lost, there, taskFailures, replacedTasks);
        }
        return flush;
    }
}
