package io.redflag.domain.scoring;

import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Engagement: activity against the account's own baseline, and outreach that goes unanswered. */
final class ActivitySignals {
    private ActivitySignals() {
    }

    static List<Finding> activityDecline(Facts f) {
        int window = f.rules.activityWindowDays();
        int baselineDays = f.rules.activityBaselineDays();
        List<Interaction> recent = f.done.stream().filter(i -> f.within(i.at(), window)).toList();
        long before = f.done.stream().filter(i -> f.within(i.at(), window + baselineDays) && !f.within(i.at(), window))
                .count();
        double months = baselineDays / 30.0;
        double perMonth = before / months;
        double recentPerMonth = recent.size() * (30.0 / window);
        if (perMonth < f.rules.activityMinimumPerMonth() || recentPerMonth >= f.rules.activityDeclineRatio() * perMonth) {
            return List.of();
        }
        var w = f.config.weights().get(Signal.ACTIVITY_DECLINE);
        long share = Math.round(100 * recentPerMonth / perMonth);
        return List.of(Finding.risk(Signal.ACTIVITY_DECLINE, w.severity(), w.points(), recent.size()
                + " interactions in the last " + window + " days against a usual " + Math.round(perMonth)
                + " a month over the " + baselineDays + " days before (" + share + " %).",
                ids(recent, f.snapshot.account().id()), null));
    }

    static List<Finding> unreturnedOutreach(Facts f) {
        int window = f.rules.outreachWindowDays();
        List<Interaction> attempts = new ArrayList<>();
        List<Interaction> unanswered = new ArrayList<>();
        List<Interaction> all = f.dated;
        for (Interaction i : all) {
            if (!f.within(i.at(), window)) {
                continue;
            }
            boolean outboundTouch = i.kind() == Kind.MEETING || i.direction() == Direction.OUTBOUND && i.completed()
                    && (i.kind() == Kind.CALL || i.kind() == Kind.EMAIL);
            if (!outboundTouch) {
                continue;
            }
            attempts.add(i);
            if (unanswered(i, all, f)) {
                unanswered.add(i);
            }
        }
        if (attempts.size() < f.rules.outreachMinimumAttempts()
                || unanswered.size() < f.rules.outreachUnansweredShare() * attempts.size()) {
            return List.of();
        }
        var w = f.config.weights().get(Signal.UNRETURNED_OUTREACH);
        return List.of(Finding.risk(Signal.UNRETURNED_OUTREACH, w.severity(), w.points(), unanswered.size() + " of "
                + attempts.size() + " calls, emails and meetings in the last " + window
                + " days went unanswered or were declined.", ids(unanswered, null), null));
    }

    /** No answer, declined or cancelled; or, for an email or a call of unknown outcome, no reply within the window. */
    private static boolean unanswered(Interaction i, List<Interaction> all, Facts f) {
        if (i.outcome() == Outcome.NO_RESPONSE || i.outcome() == Outcome.DECLINED || i.outcome() == Outcome.CANCELLED) {
            return true;
        }
        if (i.outcome() == Outcome.CONNECTED || i.kind() == Kind.MEETING) {
            return false;
        }
        var until = i.at().plus(Duration.ofDays(f.rules.replyWindowDays()));
        return all.stream().noneMatch(r -> r.direction() == Direction.INBOUND && r.at().isAfter(i.at())
                && !r.at().isAfter(until) && (i.contactId() == null || i.contactId().equals(r.contactId())));
    }

    static List<String> ids(List<Interaction> interactions, String fallback) {
        List<String> ids = interactions.stream().map(Interaction::id).limit(20).toList();
        return ids.isEmpty() && fallback != null ? List.of(fallback) : ids;
    }
}
