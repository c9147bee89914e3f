package io.redflag.service.chaos;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What Redflag wrote into the org, read back through the Partner API as any client would: every Account's risk
 * fields by id, and Redflag's tasks (those carrying {@code Risk_Signal_Key__c}) by key with subject, owner,
 * status and due date, so a doubled task shows as a doubled key.
 */
record CrmState(Map<String, List<String>> riskFields, List<List<String>> tasks) {
    static final List<String> RISK_FIELDS = List.of("Health_Score__c", "Risk_Level__c", "Risk_Reasons__c",
            "Health_Trend__c");
    private static final List<String> TASK_FIELDS = List.of("Risk_Signal_Key__c", "Subject", "OwnerId", "Status",
            "ActivityDate");

    static CrmState read(SalesforceSession org) {
        Map<String, List<String>> risk = new TreeMap<>();
        for (SObject a : query(org, "SELECT Id, " + String.join(", ", RISK_FIELDS) + " FROM Account")) {
            risk.put(a.getId(), values(a, RISK_FIELDS));
        }
        List<List<String>> tasks = new ArrayList<>();
        for (SObject t : query(org, "SELECT Id, " + String.join(", ", TASK_FIELDS)
                + " FROM Task WHERE Risk_Signal_Key__c != null")) {
            tasks.add(values(t, TASK_FIELDS));
        }
        tasks.sort(Comparator.comparing(String::valueOf));
        return new CrmState(risk, tasks);
    }

    /** Keys carried by more than one task, with how many. */
    Map<String, Long> doubledKeys() {
        return tasks.stream().collect(Collectors.groupingBy(t -> t.get(0), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d[\\d,.]*");

    /**
     * The same state with the figures in reasons and task subjects masked. Two runs minutes apart score the same
     * org at slightly different moments, so "not heard from in 55 days" may read 54 in the other where a record's
     * time of day falls between them; scores, levels, trends, owners, statuses and due dates stay exact.
     */
    CrmState withFiguresMasked() {
        Map<String, List<String>> risk = new TreeMap<>();
        riskFields.forEach((id, f) -> risk.put(id, java.util.Arrays.asList(f.get(0), f.get(1), mask(f.get(2)),
                f.get(3))));
        List<List<String>> masked = new ArrayList<>();
        for (List<String> t : tasks) {
            List<String> copy = new ArrayList<>(t);
            copy.set(1, mask(t.get(1)));
            masked.add(copy);
        }
        masked.sort(Comparator.comparing(String::valueOf));
        return new CrmState(risk, masked);
    }

    private static String mask(String text) {
        return text == null ? null : NUMBER.matcher(text).replaceAll("#");
    }

    /** The risk fields alone. */
    CrmState riskFieldsOnly() {
        return new CrmState(riskFields, List.of());
    }

    /** The same state without the accounts the predicate names (and their tasks: the key holds the account id). */
    CrmState without(Predicate<String> account) {
        Map<String, List<String>> risk = new TreeMap<>(riskFields);
        risk.keySet().removeIf(account);
        return new CrmState(risk, tasks.stream().filter(t -> account.negate().test(accountOf(t.get(0)))).toList());
    }

    /** The account id in a key: SIGNAL:accountId[:subjectRecordId]. */
    static String accountOf(String key) {
        String[] parts = key.split(":");
        return parts.length > 1 ? parts[1] : key;
    }

    /** The differences, first of each kind, or an empty string when both hold the same. */
    String differencesFrom(CrmState expected) {
        StringBuilder out = new StringBuilder();
        if (!riskFields.keySet().equals(expected.riskFields.keySet())) {
            out.append("accounts differ: ").append(expected.riskFields.size()).append(" expected, ")
                    .append(riskFields.size()).append(" found\n");
        }
        long differing = expected.riskFields.entrySet().stream()
                .filter(e -> !Objects.equals(e.getValue(), riskFields.get(e.getKey()))).count();
        expected.riskFields.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), riskFields.get(e.getKey())))
                .findFirst().ifPresent(e -> out.append(differing).append(" accounts' risk fields differ, e.g. ")
                        .append(e.getKey()).append("\n  expected ").append(e.getValue()).append("\n  found    ")
                        .append(riskFields.get(e.getKey())).append('\n'));
        for (int i = 0; i < Math.max(tasks.size(), expected.tasks.size()); i++) {
            List<String> w = i < expected.tasks.size() ? expected.tasks.get(i) : null;
            List<String> a = i < tasks.size() ? tasks.get(i) : null;
            if (!Objects.equals(w, a)) {
                out.append("Redflag tasks differ (").append(expected.tasks.size()).append(" expected, ")
                        .append(tasks.size()).append(" found) at entry ").append(i + 1).append("\n  expected ")
                        .append(w).append("\n  found    ").append(a).append('\n');
                break;
            }
        }
        return out.toString();
    }

    static List<SObject> query(SalesforceSession org, String soql) {
        try {
            List<SObject> out = new ArrayList<>();
            QueryResult page = org.call(c -> {
                c.setQueryOptions(2000);
                return c.query(soql);
            });
            out.addAll(List.of(page.getRecords()));
            while (!page.isDone()) {
                String locator = page.getQueryLocator();
                page = org.call(c -> c.queryMore(locator));
                out.addAll(List.of(page.getRecords()));
            }
            return out;
        } catch (com.sforce.ws.ConnectionException e) {
            throw new IllegalStateException(soql + ": " + e, e);
        }
    }

    private static List<String> values(SObject record, List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            Object v = record.getField(f);
            out.add(v == null ? null : v.toString());
        }
        return out;
    }
}
