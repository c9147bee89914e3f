package io.redflag.service;

import static org.assertj.core.api.Assertions.fail;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Whole-state comparison of what Redflag wrote into two orgs: every Account's risk fields, and Redflag's tasks
 * (those with a Risk_Signal_Key__c) by key with subject, owner, status and due date, a doubled task showing
 * as a doubled key. A difference fails with the first differing entry of each side.
 */
public final class OrgStates {
    private static final List<String> RISK_FIELDS = List.of("Health_Score__c", "Risk_Level__c", "Risk_Reasons__c",
            "Health_Trend__c");
    private static final List<String> TASK_FIELDS = List.of("Risk_Signal_Key__c", "Subject", "OwnerId", "Status",
            "ActivityDate");

    private OrgStates() {
    }

    /** Account id and risk fields, by id. */
    public static List<List<Object>> riskFields(Emulator org) {
        return entries(org.store(), "Account", "Id", RISK_FIELDS);
    }

    /** Redflag's tasks (deleted ones left out), by key: several with one key are several entries. */
    public static List<List<Object>> followUpTasks(Emulator org) {
        List<List<Object>> tasks = entries(org.store(), "Task", "Risk_Signal_Key__c", TASK_FIELDS);
        tasks.removeIf(t -> t.get(0) == null);
        return tasks;
    }

    /** Redflag's tasks (deleted ones left out) as key and id, by key. */
    public static List<List<Object>> followUpTaskIds(Emulator org) {
        List<List<Object>> tasks = entries(org.store(), "Task", "Risk_Signal_Key__c", List.of("Id"));
        tasks.removeIf(t -> t.get(0) == null);
        return tasks;
    }

    public static void assertSameWrites(Emulator expected, Emulator actual) {
        compare("Account risk fields", riskFields(expected), riskFields(actual));
        compare("Redflag tasks", followUpTasks(expected), followUpTasks(actual));
    }

    private static List<List<Object>> entries(OrgStore store, String object, String key, List<String> fields) {
        List<List<Object>> out = new ArrayList<>();
        for (SRecord r : store.snapshot(store.schema().find(object), false)) {
            List<Object> entry = new ArrayList<>();
            entry.add(key.equals("Id") ? r.id() : r.get(key));
            for (String f : fields) {
                if (!f.equals(key)) {
                    entry.add(f.equals("Id") ? r.id() : r.get(f));
                }
            }
            out.add(entry);
        }
        out.sort(Comparator.comparing(e -> String.valueOf(e)));
        return out;
    }

    private static void compare(String what, List<List<Object>> expected, List<List<Object>> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            List<Object> w = i < expected.size() ? expected.get(i) : null;
            List<Object> a = i < actual.size() ? actual.get(i) : null;
            if (!Objects.equals(w, a)) {
                fail(what + " differ (" + expected.size() + " expected, " + actual.size() + " found) at entry "
                        + (i + 1) + ":\n  expected " + w + "\n  found    " + a);
            }
        }
    }
}
