package io.redflag.domain.scoring;

import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.SupportCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Contacts that existed at asOf (deleted ones included). */
    final List<Contact> contacts;
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
        this.contacts = snapshot.contacts().stream().filter(c -> !after(c.createdAt())).toList();
        contacts.forEach(c -> contactById.put(c.id(), c));
        this.done = snapshot.interactions().stream().filter(i -> i.at() != null && !i.at().isAfter(asOf))
                .filter(Interaction::completed).sorted(Comparator.comparing(Interaction::at)).toList();
        this.planned = snapshot.interactions().stream().filter(i -> i.at() != null && i.at().isAfter(asOf))
                .filter(i -> !i.completed() || i.kind() == Interaction.Kind.MEETING).toList();
        this.opportunities = snapshot.opportunities().stream().filter(o -> !after(o.createdAt())).toList();
        this.cases = snapshot.cases().stream().filter(c -> !after(c.openedAt())).toList();
        this.executiveTitles = titles.executive();
        this.keyTitles = titles.key();
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
