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

    /**
     * Outbound attempts in the window and those left without an answer. Only evidence counts: a call is
     * unanswered only with a disposition the mapping names as no answer (a call without one says nothing), an
     * email only where its sender visibly logs inbound replies, a meeting when it was declined, cancelled or
     * missed. A held meeting, a connected call or an inbound message from the same contact within the reply
     * window answers any of them.
     */
    static List<Finding> unreturnedOutreach(Facts f) {
        int window = f.rules.outreachWindowDays();
        List<Interaction> attempts = new ArrayList<>();
        List<Interaction> unanswered = new ArrayList<>();
        for (Interaction i : f.dated) {
            if (!f.within(i.at(), window)) {
                continue;
            }
            Boolean answered = outreach(i, f);
            if (answered == null) {
                continue;
            }
            attempts.add(i);
            if (!answered && !answeredLater(i, f)) {
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

    /**
     * What an outbound touch shows by itself: answered (true), not answered (false, unless something answers it
     * later), or nothing (null: not outreach, or no evidence either way).
     */
    private static Boolean outreach(Interaction i, Facts f) {
        boolean refused = i.outcome() == Outcome.NO_RESPONSE || i.outcome() == Outcome.DECLINED
                || i.outcome() == Outcome.CANCELLED;
        return switch (i.kind()) {
            case MEETING -> !refused;
            case CALL -> i.direction() != Direction.OUTBOUND || !i.completed() || i.outcome() == Outcome.UNKNOWN ? null
                    : !refused;
            case EMAIL -> i.direction() == Direction.OUTBOUND && i.completed() && f.logsReplies(i.ownerId())
                    ? Boolean.FALSE : null;
            case OTHER -> null;
        };
    }

    /** A held meeting, a connected call or an inbound message from the same contact within the reply window. */
    private static boolean answeredLater(Interaction i, Facts f) {
        var until = i.at().plus(Duration.ofDays(f.rules.replyWindowDays()));
        return f.done.stream().anyMatch(r -> r.at().isAfter(i.at()) && !r.at().isAfter(until)
                && (i.contactId() == null || i.contactId().equals(r.contactId())) && answers(r));
    }

    private static boolean answers(Interaction r) {
        return r.direction() == Direction.INBOUND || r.kind() == Kind.CALL && r.outcome() == Outcome.CONNECTED
                || r.kind() == Kind.MEETING && r.outcome() != Outcome.DECLINED && r.outcome() != Outcome.CANCELLED
                        && r.outcome() != Outcome.NO_RESPONSE;
    }

    static List<String> ids(List<Interaction> interactions, String fallback) {
        List<String> ids = interactions.stream().map(Interaction::id).limit(20).toList();
        return ids.isEmpty() && fallback != null ? List.of(fallback) : ids;
    }
}
