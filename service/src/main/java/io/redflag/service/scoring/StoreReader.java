package io.redflag.service.scoring;

import io.redflag.service.store.OwnTasks;
import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.model.Account;
import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.model.SupportCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads accounts and everything around them from the store, in batches (one query per table per batch, never
 * one per account), and turns rows into the domain's records. Redflag's own follow-up tasks (those with a
 * signal key) are left out of the interactions: they are not the rep's activity.
 */
public final class StoreReader {
    private static final int BATCH = 500;
    private final JdbcTemplate jdbc;
    private final List<String> stageOrder;
    private final List<String> inboundPrefixes;

    public StoreReader(DataSource dataSource, Mapping mapping) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.stageOrder = lowerCase(mapping.entities().get("opportunity").lists().getOrDefault("stageOrder", List.of()));
        this.inboundPrefixes = lowerCase(mapping.entities().get("task").lists()
                .getOrDefault("inboundSubjectPrefixes", List.of()));
    }

    /** Every live account id, in id order. */
    public List<String> accountIds() {
        return jdbc.queryForList("SELECT id FROM account WHERE deleted = FALSE ORDER BY id", String.class);
    }

    /** The accounts among these ids that the store holds (deleted ones are left out), in the given order. */
    public List<StoredAccount> read(Collection<String> ids) {
        List<StoredAccount> out = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            out.addAll(readBatch(" IN (" + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")",
                    batch.toArray()));
        }
        return out;
    }

    /**
     * The live accounts whose ids lie between these two (inclusive), with everything around them: for a run
     * over every account in id order, where a range scan of each index beats a look-up per id.
     */
    public List<StoredAccount> readRange(String firstId, String lastId) {
        return readBatch(" BETWEEN ? AND ?", new Object[] {firstId, lastId});
    }

    /** @param in the condition on an account id column ({@code IN (…)} or {@code BETWEEN}), with its arguments */
    private List<StoredAccount> readBatch(String in, Object[] args) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        jdbc.query("SELECT id, name, owner, parent, tier, segment, annual_revenue, change_event, created_at,"
                + " modified_at FROM account WHERE deleted = FALSE AND id" + in, rs -> {
                    accounts.put(rs.getString(1), new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                            instant(rs, 9), instant(rs, 10)));
                }, args);

        Map<String, Set<ContactRole>> roles = new HashMap<>();
        Map<String, Boolean> primary = new HashMap<>();
        jdbc.query("SELECT r.contact, r.role, r.is_primary FROM contact_role r JOIN opportunity o ON o.id ="
                + " r.opportunity WHERE r.deleted = FALSE AND o.deleted = FALSE AND o.account" + in, rs -> {
                    String contact = rs.getString(1);
                    String role = rs.getString(2);
                    if (role != null) {
                        roles.computeIfAbsent(contact, k -> EnumSet.noneOf(ContactRole.class))
                                .add(ContactRole.valueOf(role));
                    }
                    if (rs.getBoolean(3)) {
                        primary.put(contact, true);
                    }
                }, args);
        String contactColumns = "c.id, c.account, c.name, c.title, c.email, c.left_company, c.email_bounced_at,"
                + " c.created_at, c.modified_at, c.deleted";
        Map<String, List<Contact>> contacts = new HashMap<>();
        jdbc.query("SELECT " + contactColumns + " FROM contact c WHERE c.account" + in, rs -> {
            contacts.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(contact(rs, roles, primary));
        }, args);
        // Contacts that moved away (found by the account they left), and every observed change of a contact
        // that is here now or was: one account's departure is another's arrival.
        Map<String, List<Contact>> former = new HashMap<>();
        jdbc.query("SELECT DISTINCT m.old_value, " + contactColumns + " FROM contact_change m JOIN contact c ON c.id ="
                + " m.contact WHERE m.field = 'ACCOUNT' AND m.old_value" + in, rs -> {
                    former.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(contact(rs, 1, roles, primary));
                }, args);
        Map<String, List<ContactChange>> contactChanges = new HashMap<>();
        jdbc.query("SELECT c.account, m.contact, m.field, m.old_value, m.new_value, m.changed_at FROM contact_change m"
                + " JOIN contact c ON c.id = m.contact WHERE c.account" + in, rs -> {
                    contactChanges.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(contactChange(rs));
                }, args);
        jdbc.query("SELECT m2.old_value, m.contact, m.field, m.old_value, m.new_value, m.changed_at FROM contact_change m"
                + " JOIN (SELECT DISTINCT contact, old_value FROM contact_change WHERE field = 'ACCOUNT' AND old_value"
                + in + ") m2 ON m2.contact = m.contact", rs -> {
                    contactChanges.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(contactChange(rs));
                }, args);

        Map<String, List<OpportunityChange>> changes = new HashMap<>();
        jdbc.query("SELECT h.opportunity, h.stage, h.amount, h.close_date, h.created_at FROM opportunity_history h"
                + " JOIN opportunity o ON o.id = h.opportunity WHERE h.deleted = FALSE AND o.account" + in
                + " ORDER BY h.created_at, h.id", rs -> {
                    changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OpportunityChange(
                            instant(rs, 5), rs.getString(2), order(rs.getString(2)), rs.getBigDecimal(3),
                            rs.getObject(4, LocalDate.class)));
                }, args);
        Map<String, List<Opportunity>> opportunities = new HashMap<>();
        jdbc.query("SELECT id, account, name, stage, amount, close_date, next_step, loss_reason, created_at,"
                + " modified_at, probability FROM opportunity WHERE deleted = FALSE AND account" + in, rs -> {
                    String id = rs.getString(1);
                    List<OpportunityChange> history = changes.getOrDefault(id, List.of());
                    // The store keeps the stage's meaning (OPEN, WON, LOST); its name is the history's latest.
                    String stage = history.isEmpty() ? null : history.get(history.size() - 1).stage();
                    opportunities.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Opportunity(id,
                            rs.getString(2), rs.getString(3), stage, order(stage), StageClass.valueOf(rs.getString(4)),
                            rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                            instant(rs, 9), instant(rs, 10), history, rs.getBigDecimal(11)));
                }, args);

        Map<String, List<Interaction>> interactions = new HashMap<>();
        jdbc.query("SELECT id, account, contact, owner, kind, direction, outcome, subject, closed, due_date,"
                + " completed_at, modified_at FROM task WHERE deleted = FALSE AND " + OwnTasks.NOT_OWN + " AND account" + in,
                rs -> {
                    interactions.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(task(rs));
                }, args);
        jdbc.query("SELECT id, account, contact, owner, start_at, outcome FROM event WHERE deleted = FALSE AND account"
                + in, rs -> {
                    String outcome = rs.getString(6);
                    Interaction.Outcome o = outcome == null ? Interaction.Outcome.UNKNOWN
                            : Interaction.Outcome.valueOf(outcome);
                    boolean held = o != Interaction.Outcome.DECLINED && o != Interaction.Outcome.CANCELLED
                            && o != Interaction.Outcome.NO_RESPONSE;
                    interactions.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Interaction(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Interaction.Kind.MEETING, Interaction.Direction.OUTBOUND, o, instant(rs, 5), held));
                }, args);

        Map<String, List<SupportCase>> cases = new HashMap<>();
        jdbc.query("SELECT id, account, contact, subject, priority, escalated, closed, opened_at, closed_at"
                + " FROM support_case WHERE deleted = FALSE AND account" + in, rs -> {
                    cases.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new SupportCase(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            "HIGH".equals(rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7), instant(rs, 8),
                            instant(rs, 9)));
                }, args);

        Map<String, List<StoredAccount.FieldChange>> history = new HashMap<>();
        jdbc.query("SELECT id, account, field, old_value, new_value, created_at FROM account_history"
                + " WHERE deleted = FALSE AND account" + in + " ORDER BY created_at, id", rs -> {
                    history.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(
                            new StoredAccount.FieldChange(rs.getString(1), rs.getString(3), rs.getString(4),
                                    rs.getString(5), instant(rs, 6)));
                }, args);

        List<StoredAccount> out = new ArrayList<>();
        for (Account a : accounts.values()) {
            out.add(new StoredAccount(a, contacts.getOrDefault(a.id(), List.of()),
                    opportunities.getOrDefault(a.id(), List.of()), interactions.getOrDefault(a.id(), List.of()),
                    cases.getOrDefault(a.id(), List.of()), history.getOrDefault(a.id(), List.of()),
                    former.getOrDefault(a.id(), List.of()), contactChanges.getOrDefault(a.id(), List.of())));
        }
        return out;
    }

    private static Contact contact(ResultSet rs, Map<String, Set<ContactRole>> roles, Map<String, Boolean> primary)
            throws SQLException {
        return contact(rs, 0, roles, primary);
    }

    /** A contact from the ten contact columns that start after {@code skip} others. */
    private static Contact contact(ResultSet rs, int skip, Map<String, Set<ContactRole>> roles,
            Map<String, Boolean> primary) throws SQLException {
        String id = rs.getString(skip + 1);
        return new Contact(id, rs.getString(skip + 2), rs.getString(skip + 3), rs.getString(skip + 4),
                rs.getString(skip + 5), roles.getOrDefault(id, Set.of()), primary.getOrDefault(id, false),
                rs.getBoolean(skip + 6), instant(rs, skip + 7), instant(rs, skip + 8), instant(rs, skip + 9),
                rs.getBoolean(skip + 10));
    }

    /** Columns 2–6: contact, field, old value, new value, when. */
    private static ContactChange contactChange(ResultSet rs) throws SQLException {
        return new ContactChange(rs.getString(2), ContactChange.Field.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), instant(rs, 6));
    }

    /**
     * A CRM task as an interaction: done when closed (at its completion time, else its due date), planned
     * otherwise. Salesforce logs no direction for emails, so a reply is known by its subject prefix.
     */
    private Interaction task(ResultSet rs) throws SQLException {
        String kind = rs.getString(5);
        String direction = rs.getString(6);
        String outcome = rs.getString(7);
        String subject = rs.getString(8);
        boolean closed = rs.getBoolean(9);
        LocalDate due = rs.getObject(10, LocalDate.class);
        Instant completed = instant(rs, 11);
        Instant at = completed != null ? completed : due != null ? due.atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant(rs, 12);
        Interaction.Direction d = direction != null ? Interaction.Direction.valueOf(direction)
                : subject != null && inbound(subject) ? Interaction.Direction.INBOUND : Interaction.Direction.OUTBOUND;
        return new Interaction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                kind == null ? Interaction.Kind.OTHER : Interaction.Kind.valueOf(kind), d,
                outcome == null ? Interaction.Outcome.UNKNOWN : Interaction.Outcome.valueOf(outcome), at, closed);
    }

    private boolean inbound(String subject) {
        String s = subject.toLowerCase(Locale.ROOT);
        return inboundPrefixes.stream().anyMatch(s::startsWith);
    }

    /** The stage's position in the admin's sales process (1-based), or 0 when it is not listed. */
    private int order(String stage) {
        return stage == null ? 0 : stageOrder.indexOf(stage.toLowerCase(Locale.ROOT)) + 1;
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
