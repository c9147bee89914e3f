package io.redflag.domain.scoring;

import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.SupportCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the signals share about one account as of one moment: only what existed then, the key contacts,
 * who was engaged. Built once per assessment.
 */
final class Facts {
    final AccountSnapshot snapshot;
    final Instant asOf;
    final LocalDate today;
    final ScorecardConfig config;
    final ScorecardConfig.Rules rules;
    /** Contacts at the account at asOf (deleted ones included), with the titles they had then. */
    final List<Contact> contacts;
    /** Contacts that had moved from this account to another one by asOf, and when each moved. */
    final Map<Contact, Instant> movedAway = new LinkedHashMap<>();
    /** When each contact at asOf moved in from another account (absent: it did not). */
    final Map<String, Instant> movedIn = new HashMap<>();
    /** Title changes up to asOf, per contact, oldest first. */
    final Map<String, List<ContactChange>> retitled = new HashMap<>();
    /** Calls made, emails sent or received, meetings held: at or before asOf, done. */
    final List<Interaction> done;
    /** Interactions planned after asOf. */
    final List<Interaction> planned;
    final List<Opportunity> opportunities;
    final List<SupportCase> cases;
    final Map<String, Contact> contactById = new HashMap<>();
    private final List<Pattern> executiveTitles;
    private final List<Pattern> keyTitles;

    /** The configured title patterns, compiled once per scorecard. */
    record Titles(List<Pattern> executive, List<Pattern> key) {
        Titles(ScorecardConfig config) {
            this(compile(config.executiveTitles()), compile(config.keyContactTitles()));
        }
    }

    Facts(AccountSnapshot snapshot, Instant asOf, ScorecardConfig config, Titles titles) {
        this.snapshot = snapshot;
        this.asOf = asOf;
        this.today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        this.config = config;
        this.rules = config.rules();
        String account = snapshot.account().id();
        Map<String, ContactChange> lastMove = new HashMap<>(); // per contact, the last move up to asOf
        Map<String, ContactChange> firstLaterMove = new HashMap<>();
        Map<String, String> titleThen = new HashMap<>(); // per contact, the title before its first later change
        for (ContactChange ch : snapshot.contactChanges()) {
            boolean later = ch.at().isAfter(asOf);
            if (ch.field() == ContactChange.Field.ACCOUNT) {
                (later ? firstLaterMove : lastMove).merge(ch.contactId(), ch, (a, b) -> later
                        ? (b.at().isBefore(a.at()) ? b : a) : (b.at().isAfter(a.at()) ? b : a));
            } else if (later) {
                titleThen.merge(ch.contactId(), ch.oldValue() == null ? "" : ch.oldValue(), (a, b) -> a);
            } else {
                retitled.computeIfAbsent(ch.contactId(), k -> new ArrayList<>()).add(ch);
            }
        }
        List<Contact> present = new ArrayList<>();
        for (Contact c : snapshot.contacts()) {
            ContactChange later = firstLaterMove.get(c.id());
            if (after(c.createdAt()) || later != null && !account.equals(later.oldValue())) {
                continue; // not created yet, or still at another account then
            }
            ContactChange in = lastMove.get(c.id());
            if (in != null && account.equals(in.newValue())) {
                movedIn.put(c.id(), in.at());
            }
            present.add(asOf(c, titleThen.get(c.id())));
        }
        for (Contact c : snapshot.formerContacts()) {
            ContactChange later = firstLaterMove.get(c.id());
            ContactChange out = lastMove.get(c.id());
            if (after(c.createdAt())) {
                continue;
            }
            if (later != null && account.equals(later.oldValue())) {
                present.add(asOf(c, titleThen.get(c.id()))); // it moved away only after asOf
            } else if (out != null && account.equals(out.oldValue())) {
                movedAway.put(asOf(c, titleThen.get(c.id())), out.at());
            }
        }
        this.contacts = List.copyOf(present);
        contacts.forEach(c -> contactById.put(c.id(), c));
        retitled.values().forEach(l -> l.sort(Comparator.comparing(ContactChange::at)));
        this.done = snapshot.interactions().stream().filter(i -> i.at() != null && !i.at().isAfter(asOf))
                .filter(Interaction::completed).sorted(Comparator.comparing(Interaction::at)).toList();
        this.planned = snapshot.interactions().stream().filter(i -> i.at() != null && i.at().isAfter(asOf))
                .filter(i -> !i.completed() || i.kind() == Interaction.Kind.MEETING).toList();
        this.opportunities = snapshot.opportunities().stream().filter(o -> !after(o.createdAt())).toList();
        this.cases = snapshot.cases().stream().filter(c -> !after(c.openedAt())).toList();
        this.executiveTitles = titles.executive();
        this.keyTitles = titles.key();
    }

    /** The contact with the title it had at asOf ({@code title} null: its current one). */
    private static Contact asOf(Contact c, String title) {
        if (title == null || title.equals(c.title())) {
            return c;
        }
        return new Contact(c.id(), c.accountId(), c.name(), title.isEmpty() ? null : title, c.email(), c.roles(),
                c.primary(), c.leftCompany(), c.emailBouncedAt(), c.createdAt(), c.modifiedAt(), c.deleted());
    }

    boolean after(Instant t) {
        return t != null && t.isAfter(asOf);
    }

    /**
     * True when t lies within the last {@code days} calendar days (UTC) up to asOf: on a day fewer than
     * {@code days} days back ({@link #daysSince}), and not after asOf. Day-grained like the numbers in the
     * explanations, so a rescore later the same day sees the same windows and writes nothing new.
     */
    boolean within(Instant t, int days) {
        return t != null && !t.isAfter(asOf) && daysSince(t) < days;
    }

    /** Whether a title alone reads as an executive's (CEO, CFO, Chief …). */
    boolean executiveTitle(String title) {
        return matches(executiveTitles, title);
    }

    boolean executive(Contact c) {
        return c.roles().contains(ContactRole.EXECUTIVE) || matches(executiveTitles, c.title());
    }

    /** A decision maker, economic buyer, executive, primary contact, or a key title. */
    boolean key(Contact c) {
        return executive(c) || c.primary() || c.roles().contains(ContactRole.DECISION_MAKER)
                || c.roles().contains(ContactRole.ECONOMIC_BUYER) || matches(keyTitles, c.title());
    }

    /** Left the company as far as the CRM knows at asOf: flagged, bouncing, or deleted. */
    boolean gone(Contact c) {
        return c.leftCompany() || c.deleted() || c.emailBouncedAt() != null && !after(c.emailBouncedAt());
    }

    /** Contacts with a done interaction in the last {@code days} days, still at the account. */
    Set<String> engaged(int days) {
        Set<String> ids = new LinkedHashSet<>();
        for (Interaction i : done) {
            if (i.contactId() != null && within(i.at(), days)) {
                Contact c = contactById.get(i.contactId());
                if (c != null && !gone(c)) {
                    ids.add(c.id());
                }
            }
        }
        return ids;
    }

    String name(Contact c) {
        String n = c.name() == null ? c.id() : c.name();
        return c.title() == null || c.title().isBlank() ? n : n + " (" + c.title() + ")";
    }

    /**
     * Calendar days (UTC) from t to asOf: the numbers in explanations stay the same all day, so rescoring
     * within a day rewrites no reason for the clock's sake alone.
     */
    long daysSince(Instant t) {
        return java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(t, ZoneOffset.UTC), today);
    }

    private static boolean matches(List<Pattern> patterns, String title) {
        return title != null && patterns.stream().anyMatch(p -> p.matcher(title).find());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }
}
