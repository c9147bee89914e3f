package io.redflag.service.scoring;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.service.store.UserDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reps' weeks as the demo org and the follow-up ledger hold them, for {@link ReplaceOverCapIT}. */
final class RepWeeks {
    private static final Pattern KEY_TITLE = Pattern.compile("\\b(C[EFOIT]O|Chief|President|VP|Vice President"
            + "|Director)\\b");

    private final Emulator demo;
    private final DataSource store;
    private final UserDirectory users;

    RepWeeks(Emulator demo, DataSource store, UserDirectory users) {
        this.demo = demo;
        this.store = store;
        this.users = users;
    }

    /** A rep whose week is full, and two key contacts of their key accounts who have not left. */
    record Setting(String rep, List<SRecord> contacts) {
    }

    /**
     * A rep with a manager, at the cap, with two LOW or MEDIUM tasks of the week, whose key accounts (those with a
     * task of Redflag's) have two key contacts who have not left.
     */
    Setting repAtTheCap() {
        Map<String, String> accountOwner = new HashMap<>();
        OrgStore org = demo.store();
        for (SRecord a : org.snapshot(org.schema().find("Account"), false)) {
            accountOwner.put(a.id(), String.valueOf(a.get("OwnerId")));
        }
        for (String rep : reps()) {
            var user = users.user(rep);
            if (user.isEmpty() || user.get().managerId() == null || untouchedLowerTasksInOrder(rep).size() < 2) {
                continue;
            }
            Set<String> keyAccounts = new java.util.TreeSet<>();
            for (SRecord t : ownTasks()) {
                String account = String.valueOf(t.get("Risk_Signal_Key__c")).split(":")[1];
                if (rep.equals(accountOwner.get(account))) {
                    keyAccounts.add(account);
                }
            }
            List<SRecord> contacts = new ArrayList<>();
            for (SRecord c : org.snapshot(org.schema().find("Contact"), false)) {
                if (keyAccounts.contains(String.valueOf(c.get("AccountId"))) && c.get("Title") != null
                        && KEY_TITLE.matcher(String.valueOf(c.get("Title"))).find()
                        && !Boolean.TRUE.equals(c.get("Left_Company__c"))) {
                    contacts.add(c);
                }
            }
            if (contacts.size() >= 2) {
                contacts.sort(Comparator.comparing(SRecord::id));
                return new Setting(rep, contacts);
            }
        }
        throw new AssertionError("the demo org has no rep at the cap with two LOW or MEDIUM tasks and two key"
                + " contacts on their key accounts: " + reps().stream().map(r -> r + " " + users.user(r).map(
                        u -> String.valueOf(u.managerId())).orElse("?") + " " + untouchedLowerTasksInOrder(r).size())
                        .toList());
    }

    private List<String> reps() {
        return ownTasks().stream().map(t -> String.valueOf(t.get("OwnerId"))).distinct().sorted().toList();
    }

    /** The rep's open, untouched LOW and MEDIUM tasks, in the order they give way: lowest severity, newest, key. */
    List<SRecord> untouchedLowerTasksInOrder(String rep) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        Map<String, String> severity = new HashMap<>();
        jdbc.query("SELECT signal_key, severity FROM follow_up", rs -> {
            severity.put(rs.getString(1), rs.getString(2));
        });
        List<String> order = List.of("LOW", "MEDIUM");
        return ownTasks().stream().filter(t -> rep.equals(t.get("OwnerId")))
                .filter(t -> order.contains(severity.get(String.valueOf(t.get("Risk_Signal_Key__c")))))
                .filter(t -> t.get("LastModifiedById").equals(t.get("CreatedById"))
                        && t.get("LastModifiedDate").equals(t.get("CreatedDate")))
                .sorted(Comparator.comparing((SRecord t) -> order.indexOf(severity.get(String.valueOf(
                        t.get("Risk_Signal_Key__c"))))).thenComparing((SRecord t) -> String.valueOf(t.get(
                                "CreatedDate")), Comparator.reverseOrder()).thenComparing(t -> String.valueOf(t.get(
                                        "Risk_Signal_Key__c")))).toList();
    }

    /** Redflag's follow-up tasks the org holds (digests left out). */
    List<SRecord> ownTasks() {
        return tasks().stream().filter(t -> t.get("Risk_Signal_Key__c") != null && !HeldBackDigest.isDigest(
                String.valueOf(t.get("Risk_Signal_Key__c")))).toList();
    }

    /** The rep's whole list of Redflag's tasks: key, subject, status. */
    List<List<Object>> tasksOf(String rep) {
        List<List<Object>> out = new ArrayList<>();
        for (SRecord t : ownTasks()) {
            if (rep.equals(t.get("OwnerId"))) {
                out.add(List.of(t.get("Risk_Signal_Key__c"), t.get("Subject"), t.get("Status")));
            }
        }
        out.sort(Comparator.comparing(String::valueOf));
        return out;
    }

    List<SRecord> tasks() {
        OrgStore org = demo.store();
        return org.snapshot(org.schema().find("Task"), false);
    }

    static List<String> keys(List<List<Object>> tasks) {
        return tasks.stream().map(t -> String.valueOf(t.get(0))).toList();
    }

    static List<String> plus(List<String> keys, String key) {
        List<String> out = new ArrayList<>(keys);
        out.add(key);
        return out;
    }
}
