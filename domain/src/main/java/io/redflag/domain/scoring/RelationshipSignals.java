package io.redflag.domain.scoring;

import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The people side: silent and departed key contacts, single-threading, executive access and change. */
final class RelationshipSignals {
    private RelationshipSignals() {
    }

    static List<Finding> contactSilent(Facts f) {
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.CONTACT_SILENT);
        for (Contact c : f.contacts) {
            if (!f.key(c) || f.gone(c)) {
                continue;
            }
            List<Instant> times = f.done.stream().filter(i -> c.id().equals(i.contactId())).map(Interaction::at)
                    .toList();
            if (times.isEmpty()) {
                continue; // never in touch: nothing fell silent (SINGLE_THREADED speaks for that)
            }
            Instant last = times.get(times.size() - 1);
            if (!f.within(last, f.rules.activityBaselineDays())) {
                continue; // out of touch for longer than any baseline: not falling silent, long gone quiet
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                if (f.within(times.get(i), f.rules.activityBaselineDays())) {
                    gaps.add(Duration.between(times.get(i - 1), times.get(i)).toDays());
                }
            }
            double median = median(gaps);
            double allowed = Math.max(f.rules.silenceMultiplier() * median, f.rules.silenceMinimumDays());
            long silent = f.daysSince(last);
            if (silent > allowed) {
                String rhythm = gaps.isEmpty() ? "there is no usual rhythm yet" : "usually every "
                        + Math.round(median) + " days";
                out.add(Finding.risk(Signal.CONTACT_SILENT, w.severity(), w.points(), f.name(c)
                        + " has not been heard from in " + silent + " days; " + rhythm + ".", List.of(c.id()),
                        c.id()));
            }
        }
        return out;
    }

    static List<Finding> keyContactLeft(Facts f) {
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.KEY_CONTACT_LEFT);
        Set<String> engagedNow = f.engaged(f.rules.engagedWindowDays());
        boolean otherEngagedKey = f.contacts.stream().anyMatch(c -> f.key(c) && engagedNow.contains(c.id()));
        for (Contact c : f.contacts) {
            if (!f.key(c) || !f.gone(c)) {
                continue;
            }
            String how = c.leftCompany() ? "is marked as having left" : c.deleted() ? "was deleted from the CRM"
                    : "no longer receives email (bounced " + f.daysSince(c.emailBouncedAt()) + " days ago)";
            out.add(departure(f, w, c, how, otherEngagedKey));
        }
        // A key contact who moved to another account has left this one; recent moves only, like engagement.
        f.movedAway.forEach((c, at) -> {
            if (f.key(c) && f.within(at, f.rules.engagedWindowDays())) {
                out.add(departure(f, w, c, "moved to another account " + f.daysSince(at) + " days ago",
                        otherEngagedKey));
            }
        });
        return out;
    }

    /** Critical when the contact was engaged and no other key contact is. */
    private static Finding departure(Facts f, ScorecardConfig.Weight w, Contact c, String how,
            boolean otherEngagedKey) {
        boolean wasEngaged = f.done.stream().anyMatch(i -> c.id().equals(i.contactId())
                && f.within(i.at(), f.rules.engagedWindowDays() + 90));
        boolean only = wasEngaged && !otherEngagedKey;
        return Finding.risk(Signal.KEY_CONTACT_LEFT, only ? Severity.CRITICAL : w.severity(),
                only ? w.cap() : w.points(), f.name(c) + " " + how + (only
                        ? "; no other key contact has been engaged in " + f.rules.engagedWindowDays() + " days."
                        : "."), List.of(c.id()), c.id());
    }

    static List<Finding> singleThreaded(Facts f) {
        if (f.within(f.snapshot.account().createdAt(), f.rules.engagedWindowDays())) {
            return List.of(); // a new account has not had the time to be multi-threaded
        }
        Set<String> engaged = f.engaged(f.rules.engagedWindowDays());
        boolean senior = engaged.stream().map(f.contactById::get).anyMatch(c -> f.executive(c)
                || c.roles().contains(io.redflag.domain.model.ContactRole.DECISION_MAKER));
        var w = f.config.weights().get(Signal.SINGLE_THREADED);
        if (engaged.size() < f.rules.minimumEngagedContacts()) {
            return List.of(Finding.risk(Signal.SINGLE_THREADED, w.severity(), w.points(), engaged.size()
                    + " contact(s) engaged in the last " + f.rules.engagedWindowDays() + " days; at least "
                    + f.rules.minimumEngagedContacts() + " are needed.", List.copyOf(engaged), null));
        }
        if (!senior) {
            return List.of(Finding.risk(Signal.SINGLE_THREADED, w.severity(), w.points(), engaged.size()
                    + " contacts engaged in the last " + f.rules.engagedWindowDays()
                    + " days, none of them a decision maker or executive.", List.copyOf(engaged), null));
        }
        return List.of();
    }

    static List<Finding> noExecutiveAccess(Facts f) {
        if (!f.snapshot.strategic() || f.within(f.snapshot.account().createdAt(), f.rules.executiveAccessDays())) {
            return List.of();
        }
        boolean met = f.done.stream().anyMatch(i -> i.contactId() != null && f.within(i.at(),
                f.rules.executiveAccessDays()) && f.contactById.containsKey(i.contactId())
                && f.executive(f.contactById.get(i.contactId())));
        if (met) {
            return List.of();
        }
        var w = f.config.weights().get(Signal.NO_EXECUTIVE_ACCESS);
        return List.of(Finding.risk(Signal.NO_EXECUTIVE_ACCESS, w.severity(), w.points(), "No interaction with an"
                + " executive in the last " + f.rules.executiveAccessDays() + " days.",
                List.of(f.snapshot.account().id()), null));
    }

    static List<Finding> executiveChange(Facts f) {
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.EXECUTIVE_CHANGE);
        int days = f.rules.executiveChangeDays();
        boolean newAccount = f.within(f.snapshot.account().createdAt(), days);
        for (Contact c : f.contacts) {
            if (newAccount || !f.executive(c) || f.gone(c)) {
                continue;
            }
            Instant movedIn = f.movedIn.get(c.id());
            List<ContactChange> titles = f.retitled.getOrDefault(c.id(), List.of());
            ContactChange promoted = null;
            for (ContactChange t : titles) {
                if (f.within(t.at(), days) && f.executiveTitle(t.newValue()) && !f.executiveTitle(t.oldValue())) {
                    promoted = t; // the latest such change
                }
            }
            if (f.within(c.createdAt(), days)) {
                out.add(Finding.risk(Signal.EXECUTIVE_CHANGE, w.severity(), w.points(), "A new executive, "
                        + f.name(c) + ", appeared " + f.daysSince(c.createdAt()) + " days ago.", List.of(c.id()),
                        c.id()));
            } else if (movedIn != null && f.within(movedIn, days)) {
                out.add(Finding.risk(Signal.EXECUTIVE_CHANGE, w.severity(), w.points(), "A new executive, "
                        + f.name(c) + ", joined from another account " + f.daysSince(movedIn) + " days ago.",
                        List.of(c.id()), c.id()));
            } else if (promoted != null) {
                String before = promoted.oldValue() == null || promoted.oldValue().isBlank() ? "had no title"
                        : "was " + promoted.oldValue();
                String name = c.name() == null ? c.id() : c.name();
                out.add(Finding.risk(Signal.EXECUTIVE_CHANGE, w.severity(), w.points(), name + " became "
                        + promoted.newValue() + " " + f.daysSince(promoted.at()) + " days ago (" + before + ").",
                        List.of(c.id()), c.id()));
            }
        }
        for (var change : f.snapshot.history()) {
            if (AccountSnapshot.AccountChange.PARENT.equalsIgnoreCase(change.field()) && f.within(change.at(), days)) {
                out.add(Finding.risk(Signal.EXECUTIVE_CHANGE, Severity.HIGH, w.points(), "The account's parent"
                        + " company changed " + f.daysSince(change.at()) + " days ago (merger or acquisition).",
                        List.of(change.id()), null));
            }
        }
        String event = f.snapshot.account().changeEvent();
        if (event != null && !event.isBlank()) {
            out.add(Finding.risk(Signal.EXECUTIVE_CHANGE, w.severity(), w.points(), "A major change is recorded at"
                    + " the customer: " + event + ".", List.of(f.snapshot.account().id()), null));
        }
        return out;
    }

    static double median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
