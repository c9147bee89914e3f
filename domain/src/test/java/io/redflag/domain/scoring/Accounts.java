package io.redflag.domain.scoring;

import io.redflag.domain.model.Account;
import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.model.SupportCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fluent builder of account snapshots for scorecard tests; times are days before {@link #NOW}. */
final class Accounts {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final String ACCOUNT = "001000000000001AAA";
    static final String OWNER = "005000000000001AAA";
    static final String MANAGER = "005000000000002AAA";

    private final List<Contact> contacts = new ArrayList<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private final List<Opportunity> opportunities = new ArrayList<>();
    private final List<SupportCase> cases = new ArrayList<>();
    private final List<AccountSnapshot.AccountChange> history = new ArrayList<>();
    private final List<Contact> formerContacts = new ArrayList<>();
    private final List<ContactChange> contactChanges = new ArrayList<>();
    private CrmUser owner = new CrmUser(OWNER, "Olivia Owner", null, true, MANAGER);
    private boolean key = true;
    private boolean strategic;
    private int created = 1000;
    private String changeEvent;
    private AccountSnapshot.OwnerLogging logging = new AccountSnapshot.OwnerLogging(500, 10);
    /** By default the owner's email tool logs replies: 12 logged for 40 sent. */
    private final Map<String, AccountSnapshot.ReplyLogging> replies = new HashMap<>(Map.of(OWNER,
            new AccountSnapshot.ReplyLogging(40, 12)));
    private int seq;

    static Accounts account() {
        return new Accounts();
    }

    static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    private String id(String prefix) {
        return prefix + String.format("%015d", ++seq);
    }

    String contact(String name, String title, ContactRole... roles) {
        return contact(name, title, false, false, null, 800, roles);
    }

    String contact(String name, String title, boolean left, boolean deleted, Instant bounced, int createdDaysAgo,
            ContactRole... roles) {
        String id = id("003");
        contacts.add(new Contact(id, ACCOUNT, name, title, null, Set.of(roles), false, left, bounced,
                daysAgo(createdDaysAgo), daysAgo(1), deleted));
        return id;
    }

    static final String OTHER_ACCOUNT = "001000000000009AAA";

    /** The contact moved to another account {@code daysAgo} days ago (it stays a former contact here). */
    Accounts movedAway(String contactId, double daysAgo) {
        Contact c = contacts.stream().filter(x -> x.id().equals(contactId)).findFirst().orElseThrow();
        contacts.remove(c);
        formerContacts.add(new Contact(c.id(), OTHER_ACCOUNT, c.name(), c.title(), c.email(), c.roles(), c.primary(),
                c.leftCompany(), c.emailBouncedAt(), c.createdAt(), daysAgo(daysAgo), c.deleted()));
        contactChanges.add(new ContactChange(contactId, ContactChange.Field.ACCOUNT, ACCOUNT, OTHER_ACCOUNT,
                daysAgo(daysAgo)));
        return this;
    }

    /** The contact came from another account {@code daysAgo} days ago. */
    Accounts movedIn(String contactId, double daysAgo) {
        contactChanges.add(new ContactChange(contactId, ContactChange.Field.ACCOUNT, OTHER_ACCOUNT, ACCOUNT,
                daysAgo(daysAgo)));
        return this;
    }

    /** The contact's title changed {@code daysAgo} days ago from {@code before} to its current title. */
    Accounts retitled(String contactId, String before, double daysAgo) {
        Contact c = contacts.stream().filter(x -> x.id().equals(contactId)).findFirst().orElseThrow();
        contactChanges.add(new ContactChange(contactId, ContactChange.Field.TITLE, before, c.title(),
                daysAgo(daysAgo)));
        return this;
    }

    /** A completed interaction of the kind, outbound, connected. */
    Accounts touch(String contactId, double daysAgo) {
        return interaction(contactId, Kind.CALL, Direction.OUTBOUND, Outcome.CONNECTED, daysAgo, true);
    }

    Accounts interaction(String contactId, Kind kind, Direction direction, Outcome outcome, double daysAgo,
            boolean done) {
        interactions.add(new Interaction(id("00T"), ACCOUNT, contactId, OWNER, kind, direction, outcome,
                daysAgo(daysAgo), done));
        return this;
    }

    /** Touches every {@code every} days from {@code from} days ago to {@code to} days ago. */
    Accounts rhythm(String contactId, int from, int to, int every) {
        for (int d = from; d >= to; d -= every) {
            touch(contactId, d);
        }
        return this;
    }

    String deal(String name, StageClass stage, String amount, LocalDate close, String nextStep, int createdDaysAgo,
            int modifiedDaysAgo, OpportunityChange... changes) {
        String id = id("006");
        opportunities.add(new Opportunity(id, ACCOUNT, name, stage == StageClass.WON ? "Closed Won"
                : stage == StageClass.LOST ? "Closed Lost" : "Negotiation/Review", 8, stage,
                amount == null ? null : new BigDecimal(amount), close, nextStep, null, daysAgo(createdDaysAgo),
                daysAgo(modifiedDaysAgo), List.of(changes)));
        return id;
    }

    /** A deal created 30 days ago and last changed 2 days ago, with its probability in per cent (null: none). */
    Accounts opportunity(String name, StageClass stage, String amount, LocalDate close, String probability) {
        opportunities.add(new Opportunity(id("006"), ACCOUNT, name, "Negotiation/Review", 8, stage,
                new BigDecimal(amount), close, "Call", null, daysAgo(30), daysAgo(2), List.of(),
                probability == null ? null : new BigDecimal(probability)));
        return this;
    }

    Accounts lost(String name, String amount, LocalDate close, String reason) {
        opportunities.add(new Opportunity(id("006"), ACCOUNT, name, "Closed Lost", 0, StageClass.LOST,
                new BigDecimal(amount), close, null, reason, daysAgo(400), daysAgo(10), List.of()));
        return this;
    }

    Accounts supportCase(String subject, boolean high, boolean escalated, boolean closed, int openedDaysAgo) {
        cases.add(new SupportCase(id("500"), ACCOUNT, null, subject, high, escalated, closed,
                daysAgo(openedDaysAgo), closed ? daysAgo(1) : null));
        return this;
    }

    Accounts change(String field, String from, String to, int daysAgo) {
        history.add(new AccountSnapshot.AccountChange(id("017"), field, from, to, daysAgo(daysAgo)));
        return this;
    }

    Accounts owner(CrmUser user) {
        this.owner = user;
        return this;
    }

    Accounts strategic() {
        this.strategic = true;
        return this;
    }

    Accounts notStrategic() {
        this.strategic = false;
        return this;
    }

    Accounts notKey() {
        this.key = false;
        return this;
    }

    Accounts createdDaysAgo(int days) {
        this.created = days;
        return this;
    }

    Accounts changeEvent(String event) {
        this.changeEvent = event;
        return this;
    }

    Accounts ownerLogging(int interactions, int accounts) {
        this.logging = new AccountSnapshot.OwnerLogging(interactions, accounts);
        return this;
    }

    /** How the owner logs email across all their accounts: sent, and inbound replies logged. */
    Accounts emails(int sent, int repliesLogged) {
        replies.put(OWNER, new AccountSnapshot.ReplyLogging(sent, repliesLogged));
        return this;
    }

    /** Nothing known of how the owner logs email. */
    Accounts emailHabitsUnknown() {
        replies.clear();
        return this;
    }

    AccountSnapshot build() {
        Account a = new Account(ACCOUNT, "Acme Corp", OWNER, null, null, null, null, changeEvent, daysAgo(created),
                daysAgo(1));
        return new AccountSnapshot(a, owner, contacts, interactions, opportunities, cases, history, key, strategic,
                logging, formerContacts, contactChanges, replies);
    }
}
