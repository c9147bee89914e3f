package io.redflag.connector.writeback;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.resilience.ResilientCrm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Follow-up tasks as the CRM holds them, read by key or by assignee: what the write path looks up before it
 * sends a create and after it loses a create's answer, and what the follow-up ledger counts for the weekly
 * cap and the cooldown. Any task carrying a key blocks a second one under that key; a task is Redflag's own
 * (it counts towards the cap and the cooldown) when it carries a key and Redflag's integration user created
 * it. Deleted tasks are not read: the CRM no longer holds them.
 */
public final class FollowUpTasks {
    /** Values per SOQL IN list: 200 keys of at most 255 characters stay far below the 100,000-character limit. */
    static final int PER_QUERY = 200;
    private static final String SELECT = "SELECT Id, Risk_Signal_Key__c, OwnerId, CreatedById, CreatedDate, IsClosed,"
            + " CompletedDateTime, LastModifiedDate, LastModifiedById FROM Task WHERE ";

    private final ResilientCrm crm;
    private final Supplier<String> integrationUser;

    /** @param integrationUser the id of the user Redflag's session acts as */
    public FollowUpTasks(ResilientCrm crm, Supplier<String> integrationUser) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.integrationUser = Objects.requireNonNull(integrationUser, "integrationUser");
    }

    /** Every task carrying one of these keys, whoever created it, open or closed. */
    public List<HeldTask> byKeys(Collection<String> keys) {
        return inBatches(keys, in -> "Risk_Signal_Key__c IN (" + in + ")");
    }

    /**
     * Redflag's own tasks assigned to these users and created at or after {@code since} (to the second), open
     * or closed: what the weekly cap counts.
     */
    public List<HeldTask> ownCreatedSince(Collection<String> ownerIds, Instant since) {
        String user = quote(integrationUser.get());
        String from = since.truncatedTo(ChronoUnit.SECONDS).toString();
        return inBatches(ownerIds, in -> "Risk_Signal_Key__c != null AND CreatedById = " + user
                + " AND CreatedDate >= " + from + " AND OwnerId IN (" + in + ")");
    }

    private List<HeldTask> inBatches(Collection<String> values, UnaryOperator<String> where) {
        String user = integrationUser.get();
        List<HeldTask> found = new ArrayList<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + PER_QUERY));
            String soql = SELECT + where.apply(String.join(", ", batch.stream().map(FollowUpTasks::quote).toList()));
            QueryResult result = crm.read("query:Task", "Task", c -> c.query(soql));
            while (true) {
                for (SObject r : result.getRecords()) {
                    found.add(held(r, user));
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

    private static HeldTask held(SObject r, String user) {
        boolean closed = "true".equals(String.valueOf(r.getField("IsClosed")));
        Object done = r.getField("CompletedDateTime");
        Instant closedAt = closed ? Instant.parse(String.valueOf(done != null ? done : r.getField("LastModifiedDate")))
                : null;
        boolean own = sameUser(String.valueOf(r.getField("CreatedById")), user);
        Instant created = Instant.parse(String.valueOf(r.getField("CreatedDate")));
        Object modified = r.getField("LastModifiedDate");
        boolean untouched = own && !closed && modified != null
                && created.equals(Instant.parse(String.valueOf(modified)))
                && sameUser(String.valueOf(r.getField("LastModifiedById")), user);
        return new HeldTask(r.getId(), String.valueOf(r.getField("Risk_Signal_Key__c")),
                String.valueOf(r.getField("OwnerId")), own, created, closed, closedAt, untouched);
    }

    /** Ids compare on their case-sensitive 15-character form: the 18-character form only adds a checksum. */
    static boolean sameUser(String a, String b) {
        return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
