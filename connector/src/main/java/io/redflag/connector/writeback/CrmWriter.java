package io.redflag.connector.writeback;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.resilience.CrmErrorClassifier;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.resilience.ResilientCrm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Writes Account risk fields and creates follow-up Tasks, at most 200 records a call (Salesforce refuses a
 * larger write whole). A call that fails as a whole (after {@link ResilientCrm}'s retries, an open breaker, a
 * spent API budget) throws, so the caller keeps its outbox for later. Records the CRM refuses one by one are
 * classified: transient ones (a locked row) are sent again, alone, a few times; permanent ones come back with
 * the CRM's code and message.
 *
 * <p>Exactly-once tasks: the caller notes a task as planned, then asks {@link #findTasksByKeys} whether the
 * CRM already has a task with that key (a crash may have come between the create and the caller's note), and
 * only then creates it. The key lives on the Task itself, in Risk_Signal_Key__c.
 */
public final class CrmWriter {
    public static final int MAX_PER_CALL = 200;
    /** Keys per SOQL IN list: well under the 100,000-character query limit. */
    private static final int KEYS_PER_QUERY = 200;

    private final ResilientCrm crm;
    private final int recordRetries;
    private final Duration recordBackoff;

    /**
     * @param recordRetries how often a record refused transiently (UNABLE_TO_LOCK_ROW …) is sent again
     * @param recordBackoff the pause before the first resend; doubled each time
     */
    public CrmWriter(ResilientCrm crm, int recordRetries, Duration recordBackoff) {
        this.crm = crm;
        this.recordRetries = recordRetries;
        this.recordBackoff = recordBackoff;
    }

    /** A task the CRM already holds for a follow-up key. */
    public record ExistingTask(String id, String key, boolean closed, Instant closedAt) {
    }

    public List<WriteResult> updateAccounts(List<AccountRiskUpdate> updates) {
        Map<String, SObject> byKey = new LinkedHashMap<>();
        for (AccountRiskUpdate u : updates) {
            SObject a = new SObject("Account");
            a.setId(u.accountId());
            a.setField("Health_Score__c", u.score());
            a.setField("Risk_Level__c", u.level());
            a.setField("Health_Scored_At__c", calendar(u.scoredAt()));
            List<String> nulls = new ArrayList<>();
            setOrNull(a, "Risk_Reasons__c", u.reasons(), nulls);
            setOrNull(a, "Health_Trend__c", u.trend(), nulls);
            a.setFieldsToNull(nulls.toArray(String[]::new));
            byKey.put(u.accountId(), a);
        }
        return write("update:Account", "Account", byKey, records -> crm.write("update:Account", "Account",
                c -> c.update(records)));
    }

    public List<WriteResult> createTasks(List<NewFollowUpTask> tasks) {
        Map<String, SObject> byKey = new LinkedHashMap<>();
        for (NewFollowUpTask t : tasks) {
            SObject task = new SObject("Task");
            task.setField("WhatId", t.accountId());
            if (t.whoId() != null) {
                task.setField("WhoId", t.whoId());
            }
            task.setField("OwnerId", t.ownerId());
            task.setField("Subject", t.subject());
            task.setField("Description", t.description());
            task.setField("Priority", t.priority());
            task.setField("Status", "Not Started");
            if (t.activityDate() != null) {
                task.setField("ActivityDate", t.activityDate().toString()); // a date field takes yyyy-MM-dd
            }
            task.setField("Risk_Signal_Key__c", t.key());
            byKey.put(t.key(), task);
        }
        return write("create:Task", "Task", byKey, records -> crm.write("create:Task", "Task",
                c -> c.create(records)));
    }

    /**
     * The CRM's tasks carrying these keys (not deleted), one per key: the open one where there is one, else the
     * one closed last.
     */
    public Map<String, ExistingTask> findTasksByKeys(Collection<String> keys) {
        Map<String, ExistingTask> found = new LinkedHashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            String in = String.join(", ", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)).stream()
                    .map(k -> "'" + k.replace("\\", "\\\\").replace("'", "\\'") + "'").toList());
            String soql = "SELECT Id, Risk_Signal_Key__c, IsClosed, CompletedDateTime, LastModifiedDate FROM Task"
                    + " WHERE Risk_Signal_Key__c IN (" + in + ")";
            var result = crm.read("query:Task", "Task", c -> c.query(soql));
            while (true) {
                for (SObject r : result.getRecords()) {
                    boolean closed = "true".equals(String.valueOf(r.getField("IsClosed")));
                    Object done = r.getField("CompletedDateTime");
                    Object modified = r.getField("LastModifiedDate");
                    Instant closedAt = !closed ? null : Instant.parse(String.valueOf(done != null ? done : modified));
                    String key = String.valueOf(r.getField("Risk_Signal_Key__c"));
                    // After a cooldown a key has a closed task and a newer one: the open task is the one to report.
                    found.merge(key, new ExistingTask(r.getId(), key, closed, closedAt), CrmWriter::openFirst);
                }
                if (result.isDone()) {
                    break;
                }
                String locator = result.getQueryLocator();
                result = crm.read("queryMore:Task", "Task", c -> c.queryMore(locator));
            }
        }
        return found;
    }

    private static ExistingTask openFirst(ExistingTask a, ExistingTask b) {
        if (a.closed() != b.closed()) {
            return a.closed() ? b : a;
        }
        return a.closed() && b.closedAt().isAfter(a.closedAt()) ? b : a;
    }

    private List<WriteResult> write(String operation, String object, Map<String, SObject> byKey,
            Function<SObject[], SaveResult[]> call) {
        Map<String, WriteResult> results = new LinkedHashMap<>();
        Map<String, SObject> pending = new LinkedHashMap<>(byKey);
        Duration pause = recordBackoff;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Map<String, SObject> retry = new LinkedHashMap<>();
            List<String> keys = List.copyOf(pending.keySet());
            for (int from = 0; from < keys.size(); from += MAX_PER_CALL) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_PER_CALL));
                SaveResult[] saved = call.apply(chunk.stream().map(pending::get).toArray(SObject[]::new));
                for (int i = 0; i < chunk.size(); i++) {
                    String key = chunk.get(i);
                    SaveResult r = saved[i];
                    if (r.isSuccess()) {
                        results.put(key, new WriteResult(key, r.getId(), null, null, null));
                        continue;
                    }
                    Error e = r.getErrors().length == 0 ? null : r.getErrors()[0];
                    CrmErrorKind kind = e == null ? CrmErrorKind.PERMANENT : CrmErrorClassifier.classify(e.getStatusCode());
                    String code = e == null || e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name();
                    String message = e == null ? "no error given" : e.getMessage();
                    results.put(key, new WriteResult(key, null, kind == CrmErrorKind.TRANSIENT ? kind
                            : CrmErrorKind.PERMANENT, code, message));
                    if (kind == CrmErrorKind.TRANSIENT && attempt < recordRetries) {
                        retry.put(key, pending.get(key));
                    }
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                pause(pause);
                pause = pause.multipliedBy(2);
            }
        }
        return List.copyOf(results.values());
    }

    private static void setOrNull(SObject o, String field, Object value, List<String> nulls) {
        if (value == null) {
            nulls.add(field);
        } else {
            o.setField(field, value);
        }
    }

    private static Calendar calendar(Instant instant) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to resend locked records", e);
        }
    }
}
