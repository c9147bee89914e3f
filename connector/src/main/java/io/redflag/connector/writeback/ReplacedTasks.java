package io.redflag.connector.writeback;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.Error;
import io.redflag.connector.resilience.CrmErrorClassifier;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.resilience.ResilientCrm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deletes the follow-up tasks that a more severe one took the place of (scorecard {@code followUps.overCap:
 * replace}), at most 200 a call. It looks before it deletes, since the choice was made on facts that may have
 * changed since: a task a rep has touched or closed meanwhile is kept, one the CRM no longer holds is gone already.
 * A delete may be sent twice: the second answers ENTITY_IS_DELETED, which counts as done, so a call whose answer
 * was lost is simply sent again by {@link ResilientCrm#write}. A call that fails as a whole throws, and the caller
 * keeps its deletes for later.
 */
public final class ReplacedTasks {
    private static final String DELETED_ALREADY = "ENTITY_IS_DELETED";

    /** What became of one task to delete. */
    public enum Outcome {
        /** This call deleted it. */
        DELETED,
        /** The CRM no longer holds it (an earlier call, whose note was lost, or someone else deleted it). */
        GONE,
        /** A rep touched or closed it after it was chosen: it stays. */
        KEPT,
        /** The CRM refused to delete it; {@code kind} says whether to try again. */
        FAILED
    }

    /** A task to delete: its id, and the key it carries (to look it up). */
    public record Doomed(String key, String taskId) {
    }

    /**
     * What became of one task.
     *
     * @param kind    only for {@link Outcome#FAILED}: TRANSIENT (tried again on the next flush) or PERMANENT
     * @param code    only for {@link Outcome#FAILED}: the CRM's status code
     * @param message only for {@link Outcome#FAILED}: the CRM's message
     */
    public record Result(Doomed task, Outcome outcome, CrmErrorKind kind, String code, String message) {
        /** Nothing is left to do for this task. */
        public boolean settled() {
            return outcome != Outcome.FAILED || kind == CrmErrorKind.PERMANENT;
        }
    }

    private final ResilientCrm crm;
    private final FollowUpTasks followUps;

    public ReplacedTasks(ResilientCrm crm, FollowUpTasks followUps) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
    }

    /** One result per task, in the order given. Throws when the look-up or a whole delete call fails. */
    public List<Result> delete(List<Doomed> tasks) {
        Map<String, HeldTask> held = new HashMap<>();
        followUps.byKeys(tasks.stream().map(Doomed::key).distinct().toList()).forEach(t -> held.put(t.id(), t));
        Map<Doomed, Result> results = new HashMap<>();
        List<Doomed> toDelete = new ArrayList<>();
        for (Doomed d : tasks) {
            HeldTask now = held.get(d.taskId());
            if (now == null) {
                results.put(d, new Result(d, Outcome.GONE, null, null, null));
            } else if (!now.untouched()) {
                results.put(d, new Result(d, Outcome.KEPT, null, null, null));
            } else {
                toDelete.add(d);
            }
        }
        for (int from = 0; from < toDelete.size(); from += CrmWriter.MAX_PER_CALL) {
            List<Doomed> chunk = toDelete.subList(from, Math.min(toDelete.size(), from + CrmWriter.MAX_PER_CALL));
            String[] ids = chunk.stream().map(Doomed::taskId).toArray(String[]::new);
            DeleteResult[] answered = crm.write("delete:Task", "Task", c -> c.delete(ids));
            for (int i = 0; i < chunk.size(); i++) {
                results.put(chunk.get(i), result(chunk.get(i), answered[i]));
            }
        }
        return tasks.stream().map(results::get).toList();
    }

    private static Result result(Doomed d, DeleteResult r) {
        if (r.isSuccess()) {
            return new Result(d, Outcome.DELETED, null, null, null);
        }
        Error e = r.getErrors().length == 0 ? null : r.getErrors()[0];
        String code = e == null || e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name();
        if (code.equals(DELETED_ALREADY)) {
            return new Result(d, Outcome.GONE, null, null, null);
        }
        CrmErrorKind kind = e == null ? CrmErrorKind.PERMANENT : CrmErrorClassifier.classify(e.getStatusCode());
        return new Result(d, Outcome.FAILED, kind == CrmErrorKind.TRANSIENT ? kind : CrmErrorKind.PERMANENT, code,
                e == null ? "no error given" : e.getMessage());
    }
}
