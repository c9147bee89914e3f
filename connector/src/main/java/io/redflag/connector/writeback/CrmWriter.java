package io.redflag.connector.writeback;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.resilience.CrmErrorClassifier;
import io.redflag.connector.resilience.CrmErrorKind;
import io.redflag.connector.resilience.CrmException;
import io.redflag.connector.resilience.ResilientCrm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Writes Account risk fields and creates follow-up Tasks, at most 200 records a call (Salesforce refuses a
 * larger write whole). A call that fails as a whole (after {@link ResilientCrm}'s retries, an open breaker, a
 * spent API budget) throws, so the caller keeps its outbox for later. Records the CRM refuses one by one are
 * classified: transient ones (a locked row) are sent again, alone, a few times; permanent ones come back with
 * the CRM's code and message.
 *
 * <p>Risk-field updates are state-based: sending one twice writes the same values, so they are retried like
 * any call. A create sent twice makes two tasks, so {@link #createTasks} makes each task at most once (see
 * there). The key lives on the Task itself, in Risk_Signal_Key__c.
 *
 * <p>Why not upsert on Risk_Signal_Key__c: upsert matches at most one record per key, and updates the one it
 * matches. A key holds several tasks over time (a closed one, and a new one once its cooldown has run out):
 * upsert would then fail with DUPLICATE_EXTERNAL_ID, or rewrite and reopen the rep's closed task instead of
 * creating the new one.
 */
public final class CrmWriter {
    public static final int MAX_PER_CALL = 200;
    /** A create sent, whose answer was lost, and whose task a look-up did not find. */
    public static final String NO_ANSWER = "NO_ANSWER";

    private final ResilientCrm crm;
    private final FollowUpTasks followUps;
    private final int recordRetries;
    private final Duration recordBackoff;

    /**
     * @param recordRetries how often a record refused transiently (UNABLE_TO_LOCK_ROW …), or created by a call
     *                      whose answer was lost and not found after it, is sent again
     * @param recordBackoff the pause before the first resend (and before looking for what a lost call made);
     *                      doubled each time
     */
    public CrmWriter(ResilientCrm crm, FollowUpTasks followUps, int recordRetries, Duration recordBackoff) {
        this.crm = crm;
        this.followUps = followUps;
        this.recordRetries = recordRetries;
        this.recordBackoff = recordBackoff;
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
        Map<String, WriteResult> results = write(byKey, records -> crm.write("update:Account", "Account",
                c -> c.update(records)), null);
        return List.copyOf(results.values());
    }

    /**
     * Creates follow-up tasks, each at most once, and returns one result per key in the order given. The keys
     * are looked up first: a key under which the CRM already holds an open task is not sent, and comes back
     * {@link WriteResult.Evidence#ALREADY_THERE} with that task's id (an earlier call made it and its note was
     * lost). A create that was sent and whose answer was lost (a timeout, a reset, a gateway's 502) is never
     * sent again blindly: after a pause its keys are looked up again, a task that was not there before is what
     * the lost call made ({@link WriteResult.Evidence#FOUND_AFTER_LOST_ANSWER}), and only the keys still
     * missing are sent again. A create refused before it left (a refused connection) or answered with a fault
     * is simply sent again by {@link ResilientCrm#create}. If a look-up fails, this throws: nothing is sent
     * while it is not known what the CRM holds.
     */
    public List<WriteResult> createTasks(List<NewFollowUpTask> tasks) {
        Map<String, SObject> byKey = new LinkedHashMap<>();
        tasks.forEach(t -> byKey.put(t.key(), taskRecord(t)));
        List<String> order = List.copyOf(byKey.keySet());
        Map<String, WriteResult> results = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (HeldTask held : followUps.byKeys(order)) {
            known.add(held.id());
            if (!held.closed() && byKey.remove(held.key()) != null) {
                results.put(held.key(), WriteResult.alreadyThere(held.key(), held.id()));
            }
        }
        results.putAll(write(byKey, records -> crm.create("create:Task", "Task", c -> c.create(records)),
                keys -> madeSince(keys, known)));
        return order.stream().map(results::get).toList();
    }

    /** Tasks under these keys that were not in {@code known}: what a lost call made. Notes them as known. */
    private Map<String, String> madeSince(List<String> keys, Set<String> known) {
        Map<String, String> made = new HashMap<>();
        for (HeldTask held : followUps.byKeys(keys)) {
            if (known.add(held.id())) {
                made.putIfAbsent(held.key(), held.id());
            }
        }
        return made;
    }

    private static SObject taskRecord(NewFollowUpTask t) {
        SObject task = new SObject("Task");
        if (t.accountId() != null) {
            task.setField("WhatId", t.accountId());
        }
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
        return task;
    }

    /**
     * @param afterLostAnswer for creates: looks for what a call whose answer was lost made (key → id); null for
     *                        writes that may simply be sent again (the call's own retries did that already)
     */
    private Map<String, WriteResult> write(Map<String, SObject> byKey, Function<SObject[], SaveResult[]> call,
            Function<List<String>, Map<String, String>> afterLostAnswer) {
        Map<String, WriteResult> results = new LinkedHashMap<>();
        Map<String, SObject> pending = new LinkedHashMap<>(byKey);
        Duration pause = recordBackoff;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Map<String, SObject> retry = new LinkedHashMap<>();
            boolean again = attempt < recordRetries;
            List<String> keys = List.copyOf(pending.keySet());
            for (int from = 0; from < keys.size(); from += MAX_PER_CALL) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_PER_CALL));
                SaveResult[] saved;
                try {
                    saved = call.apply(chunk.stream().map(pending::get).toArray(SObject[]::new));
                } catch (CrmException e) {
                    if (afterLostAnswer == null || !e.outcomeUnknown()) {
                        throw e;
                    }
                    // Give the org time to finish what it may still be doing, then look before sending again.
                    pause(pause);
                    Map<String, String> made = afterLostAnswer.apply(chunk);
                    for (String key : chunk) {
                        if (made.containsKey(key)) {
                            results.put(key, WriteResult.foundAfterLostAnswer(key, made.get(key)));
                        } else {
                            results.put(key, WriteResult.failed(key, CrmErrorKind.TRANSIENT, NO_ANSWER,
                                    e.getMessage()));
                            if (again) {
                                retry.put(key, pending.get(key));
                            }
                        }
                    }
                    continue;
                }
                for (int i = 0; i < chunk.size(); i++) {
                    String key = chunk.get(i);
                    SaveResult r = saved[i];
                    if (r.isSuccess()) {
                        results.put(key, WriteResult.answered(key, r.getId()));
                        continue;
                    }
                    Error e = r.getErrors().length == 0 ? null : r.getErrors()[0];
                    CrmErrorKind kind = e == null ? CrmErrorKind.PERMANENT : CrmErrorClassifier.classify(e.getStatusCode());
                    String code = e == null || e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name();
                    String message = e == null ? "no error given" : e.getMessage();
                    results.put(key, WriteResult.failed(key, kind == CrmErrorKind.TRANSIENT ? kind
                            : CrmErrorKind.PERMANENT, code, message));
                    if (again && kind == CrmErrorKind.TRANSIENT) {
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
        return results;
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
            throw new IllegalStateException("interrupted while waiting to resend records", e);
        }
    }
}
