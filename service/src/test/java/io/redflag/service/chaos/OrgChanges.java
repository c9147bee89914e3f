package io.redflag.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.session.SalesforceSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changes a rep makes while Redflag runs: a logged outbound call (a completed Task) on every
 * {@value #EVERY}th account, in waves, through the Partner API. The same plan on the same seed gives the same
 * changes, so the fault-free reference run makes them too. Afterwards each must be in the store, and its
 * account scored after it.
 */
final class OrgChanges {
    static final int EVERY = 20;
    private final SalesforceSession org;
    private final List<SObject> accounts;
    /** Task id → account id, of the changes made. */
    private final Map<String, String> made = new TreeMap<>();
    private int next;

    private OrgChanges(SalesforceSession org, List<SObject> accounts) {
        this.org = org;
        this.accounts = accounts;
    }

    /** Every {@value #EVERY}th account by id, with its owner. */
    static OrgChanges plan(SalesforceSession org) {
        List<SObject> all = CrmState.query(org, "SELECT Id, OwnerId FROM Account ORDER BY Id");
        List<SObject> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i += EVERY) {
            chosen.add(all.get(i));
        }
        return new OrgChanges(org, chosen);
    }

    Set<String> accountIds() {
        return accounts.stream().map(SObject::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The next {@code n} changes of the plan (fewer when it runs out); one create call. */
    void makeNext(int n) {
        List<SObject> tasks = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        Calendar today = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
        LocalDate d = LocalDate.now(ZoneOffset.UTC);
        today.clear();
        today.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
        for (int i = 0; i < n && next < accounts.size(); i++, next++) {
            SObject account = accounts.get(next);
            SObject t = new SObject("Task");
            t.setField("Subject", "Call: chaos change " + (next + 1));
            t.setField("WhatId", account.getId());
            t.setField("OwnerId", account.getField("OwnerId"));
            t.setField("Status", "Completed");
            t.setField("TaskSubtype", "Call");
            t.setField("CallType", "Outbound");
            t.setField("ActivityDate", today);
            tasks.add(t);
            targets.add(account.getId());
        }
        if (tasks.isEmpty()) {
            return;
        }
        try {
            SaveResult[] results = org.call(c -> c.create(tasks.toArray(SObject[]::new)));
            for (int i = 0; i < results.length; i++) {
                if (!results[i].isSuccess()) {
                    throw new IllegalStateException("change " + targets.get(i) + " refused: "
                            + List.of(results[i].getErrors()));
                }
                made.put(results[i].getId(), targets.get(i));
            }
        } catch (com.sforce.ws.ConnectionException e) {
            throw new IllegalStateException("making changes: " + e, e);
        }
    }

    void makeAll() {
        makeNext(accounts.size());
    }

    int made() {
        return made.size();
    }

    /**
     * Each change made is in the store (its task row), and its account's latest assessment is as of a moment
     * after the change was made in the org. Returns the number checked.
     */
    int assertEachReachedStoreAndScore(DataSource store) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        List<String> lost = new ArrayList<>();
        for (var change : made.entrySet()) {
            List<Map<String, Object>> row = jdbc.queryForList("SELECT t.modified_at, s.as_of FROM task t LEFT JOIN"
                    + " account_score s ON s.account_id = t.account WHERE t.id = ?", change.getKey());
            if (row.isEmpty()) {
                lost.add(change.getKey() + " (account " + change.getValue() + "): not in the store");
            } else if (row.get(0).get("as_of") == null || toInstant(row.get(0).get("as_of"))
                    .isBefore(toInstant(row.get(0).get("modified_at")))) {
                lost.add(change.getKey() + " (account " + change.getValue() + "): stored, but the account was last"
                        + " scored as of " + row.get(0).get("as_of") + ", before the change at "
                        + row.get(0).get("modified_at"));
            }
        }
        assertThat(lost).as("changes lost on their way to the store or the score").isEmpty();
        return made.size();
    }

    private static java.time.Instant toInstant(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (timestamp instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + timestamp);
    }
}
