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
    /**
     * The end of asOf's UTC day (exclusive). The scorecard reads whole days: whatever is dated on the as-of day
     * has happened, whatever is dated later is planned. A rescore later the same day reads the same records,
     * whatever the hour, so nothing is rewritten for the clock's sake alone.
     */
    final Instant horizon;
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
    /** Every interaction dated up to the horizon, done or not, oldest first. */
    final List<Interaction> dated;
    /** Calls made, emails sent or received, meetings held: up to the horizon, done, oldest first. */
    final List<Interaction> done;
    /** Interactions planned after the as-of day. */
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
        this.horizon = horizon(asOf);
        this.config = config;
        this.rules = config.rules();
        String account = snapshot.account().id();
        Map<String, ContactChange> lastMove = new HashMap<>(); // per contact, the last move up to asOf
        Map<String, ContactChange> firstLaterMove = new HashMap<>();
        Map<String, String> titleThen = new HashMap<>(); // per contact, the title before its first later change
        for (ContactChange ch : snapshot.contactChanges().stream().sorted(Comparator.comparing(ContactChange::at)
                .thenComparing(ContactChange::contactId).thenComparing(ContactChange::field)).toList()) {
            boolean later = after(ch.at());
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
        // Records in id (and time) order, whatever order the store gave: ties sort the same on every run.
        for (Contact c : sortedById(snapshot.contacts())) {
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
        for (Contact c : sortedById(snapshot.formerContacts())) {
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
        this.dated = snapshot.interactions().stream().filter(i -> i.at() != null && !after(i.at()))
                .sorted(Comparator.comparing(Interaction::at).thenComparing(Interaction::id)).toList();
        this.done = dated.stream().filter(Interaction::completed).toList();
        this.planned = snapshot.interactions().stream().filter(i -> after(i.at()))
                .filter(i -> !i.completed() || i.kind() == Interaction.Kind.MEETING)
                .sorted(Comparator.comparing(Interaction::at).thenComparing(Interaction::id)).toList();
        this.opportunities = snapshot.opportunities().stream().filter(o -> !after(o.createdAt()))
                .sorted(Comparator.comparing(Opportunity::id)).toList();
        this.cases = snapshot.cases().stream().filter(c -> !after(c.openedAt()))
                .sorted(Comparator.comparing(SupportCase::id)).toList();
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

    /** The end of the UTC day of {@code asOf}: what the scorecard reads as of then lies before it. */
    static Instant horizon(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Dated after the as-of day: not yet happened as of then. */
    boolean after(Instant t) {
        return t != null && !t.isBefore(horizon);
    }

    /**
     * True when t lies within the last {@code days} calendar days (UTC) up to the as-of day: on a day fewer
     * than {@code days} days back ({@link #daysSince}), and not after the as-of day. Day-grained like the
     * numbers in the explanations, so a rescore later the same day sees the same windows and writes nothing new.
     */
    boolean within(Instant t, int days) {
        return t != null && !after(t) && daysSince(t) < days;
    }

    /**
     * Whether the user visibly logs inbound replies: across all their accounts over the baseline window, the
     * replies they logged make at least the configured share of the emails they sent.
     */
    boolean logsReplies(String userId) {
        AccountSnapshot.ReplyLogging r = userId == null ? null : snapshot.replyLogging().get(userId);
        return r != null && r.repliesLogged() > 0 && r.repliesLogged() >= rules.replyLoggingShare() * r.emailsSent();
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

    private static List<Contact> sortedById(List<Contact> contacts) {
        return contacts.stream().sorted(Comparator.comparing(Contact::id)).toList();
    }

    private static boolean matches(List<Pattern> patterns, String title) {
        return title != null && patterns.stream().anyMatch(p -> p.matcher(title).find());
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();
    }
}
