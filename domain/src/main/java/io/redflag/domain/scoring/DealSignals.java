package io.redflag.domain.scoring;

import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Money and deals: revenue against last year, stalled and lost deals, deals with no plan. */
final class DealSignals {
    private DealSignals() {
    }

    static List<Finding> revenueDecline(Facts f) {
        BigDecimal last = KeyAccounts.wonBetween(f.opportunities, f.today.minusYears(1), f.today);
        BigDecimal prior = KeyAccounts.wonBetween(f.opportunities, f.today.minusYears(2), f.today.minusYears(1));
        boolean everWon = f.opportunities.stream().anyMatch(o -> o.stageClass() == StageClass.WON
                && o.closeDate() != null && !o.closeDate().isAfter(f.today));
        var w = f.config.weights().get(Signal.REVENUE_DECLINE);
        List<String> ids = f.opportunities.stream().filter(o -> o.stageClass() == StageClass.WON).map(Opportunity::id)
                .limit(20).toList();
        if (prior.signum() > 0 && last.compareTo(prior.multiply(BigDecimal.valueOf(f.rules.revenueDeclineRatio()))) < 0) {
            long share = last.multiply(BigDecimal.valueOf(100)).divide(prior, 0, java.math.RoundingMode.HALF_UP)
                    .longValue();
            return List.of(Finding.risk(Signal.REVENUE_DECLINE, w.severity(), w.points(), "Won business in the last"
                    + " 12 months is " + money(last) + " against " + money(prior) + " the year before (" + share
                    + " %).", ids, null));
        }
        if (last.signum() == 0 && everWon && prior.signum() == 0) {
            return List.of(Finding.risk(Signal.REVENUE_DECLINE, w.severity(), w.points(), "No business won in the"
                    + " last 24 months from an account that bought before.", ids, null));
        }
        return List.of();
    }

    static List<Finding> pipelineStall(Facts f) {
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.PIPELINE_STALL);
        for (Opportunity o : f.opportunities) {
            if (o.stageClass() != StageClass.OPEN) {
                continue;
            }
            List<OpportunityChange> h = o.history().stream().filter(c -> !f.after(c.at())).toList();
            List<String> reasons = new ArrayList<>();
            int pushes = 0;
            for (int i = 1; i < h.size(); i++) {
                var before = h.get(i - 1);
                var now = h.get(i);
                if (before.closeDate() != null && now.closeDate() != null && now.closeDate().isAfter(before.closeDate())) {
                    pushes++;
                }
                if (before.amount() != null && now.amount() != null && now.amount().compareTo(before.amount()) < 0) {
                    reasons.add("its amount was cut from " + money(before.amount()) + " to " + money(now.amount()));
                }
                if (before.stageOrder() > 0 && now.stageOrder() > 0 && now.stageOrder() < before.stageOrder()) {
                    reasons.add("its stage went back from " + before.stage() + " to " + now.stage());
                }
            }
            var first = h.stream().map(OpportunityChange::closeDate).filter(d -> d != null).findFirst().orElse(null);
            long pushedDays = first == null || o.closeDate() == null ? 0 : ChronoUnit.DAYS.between(first, o.closeDate());
            if (pushes >= f.rules.stallPushes() || pushedDays >= f.rules.stallPushDays()) {
                reasons.add(0, "its close date was pushed " + pushes + " times, " + pushedDays + " days in all");
            }
            if (o.closeDate() != null && o.closeDate().isBefore(f.today)) {
                reasons.add("its close date " + o.closeDate() + " has passed");
            }
            if (!reasons.isEmpty()) {
                // Several signs at once on one deal weigh more than a date that slipped.
                Severity severity = reasons.size() > 1 ? Severity.HIGH : w.severity();
                out.add(Finding.risk(Signal.PIPELINE_STALL, severity, w.points(), "Deal '" + o.name() + "' is"
                        + " stalling: " + String.join("; ", reasons.stream().distinct().toList()) + ".",
                        List.of(o.id()), o.id()));
            }
        }
        return out;
    }

    static List<Finding> lostToCompetitor(Facts f) {
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.LOST_TO_COMPETITOR);
        List<String> competitive = f.config.competitiveLossReasons().stream().map(r -> r.toLowerCase(Locale.ROOT))
                .toList();
        for (Opportunity o : f.opportunities) {
            if (o.stageClass() == StageClass.LOST && o.lossReason() != null && o.closeDate() != null
                    && competitive.contains(o.lossReason().toLowerCase(Locale.ROOT))
                    && !o.closeDate().isAfter(f.today)
                    && o.closeDate().isAfter(f.today.minusDays(f.rules.competitorLossDays()))) {
                out.add(Finding.risk(Signal.LOST_TO_COMPETITOR, w.severity(), w.points(), "Deal '" + o.name()
                        + "' (" + money(o.amount()) + ") was lost to a competitor on " + o.closeDate() + ".",
                        List.of(o.id()), o.id()));
            }
        }
        return out;
    }

    static List<Finding> stalePlan(Facts f) {
        if (!f.planned.isEmpty()) {
            return List.of(); // something is scheduled on the account: there is a plan
        }
        List<Finding> out = new ArrayList<>();
        var w = f.config.weights().get(Signal.STALE_PLAN);
        for (Opportunity o : f.opportunities) {
            if (o.stageClass() != StageClass.OPEN) {
                continue;
            }
            boolean empty = o.nextStep() == null || o.nextStep().isBlank();
            // The last edit of the deal bounds when its next step last changed.
            boolean unchanged = o.modifiedAt() != null && !f.within(o.modifiedAt(), f.rules.stalePlanDays());
            if (empty || unchanged) {
                out.add(Finding.risk(Signal.STALE_PLAN, w.severity(), w.points(), "Deal '" + o.name() + "' has "
                        + (empty ? "no next step" : "had the same next step for over " + f.rules.stalePlanDays()
                                + " days") + " and nothing is scheduled on the account.", List.of(o.id()), o.id()));
            }
        }
        return out;
    }

    static String money(BigDecimal amount) {
        return amount == null ? "no amount" : String.format(Locale.ROOT, "%,.0f", amount);
    }
}
