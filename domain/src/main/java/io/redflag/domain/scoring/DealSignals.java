package io.redflag.domain.scoring;

import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Money and deals: revenue against last year, stalled and lost deals, deals with no plan. */
final class DealSignals {
    private DealSignals() {
    }

    /** Won revenue in the trailing window against the months before it, or none for the whole history. */
    static List<Finding> revenueDecline(Facts f) {
        int window = f.rules.revenueWindowMonths();
        int history = f.rules.revenueHistoryMonths();
        LocalDate windowStart = f.today.minusMonths(window);
        BigDecimal last = KeyAccounts.wonBetween(f.opportunities, windowStart, f.today);
        BigDecimal prior = KeyAccounts.wonBetween(f.opportunities, f.today.minusMonths(history), windowStart);
        boolean everWon = f.opportunities.stream().anyMatch(o -> o.stageClass() == StageClass.WON
                && o.closeDate() != null && !o.closeDate().isAfter(f.today));
        var w = f.config.weights().get(Signal.REVENUE_DECLINE);
        List<String> ids = f.opportunities.stream().filter(o -> o.stageClass() == StageClass.WON).map(Opportunity::id)
                .limit(20).toList();
        if (prior.signum() > 0 && last.compareTo(prior.multiply(BigDecimal.valueOf(f.rules.revenueDeclineRatio()))) < 0) {
            long share = last.multiply(BigDecimal.valueOf(100)).divide(prior, 0, java.math.RoundingMode.HALF_UP)
                    .longValue();
            int before = history - window;
            return List.of(Finding.risk(Signal.REVENUE_DECLINE, w.severity(), w.points(), "Won business in the last "
                    + window + " months is " + money(last) + " against " + money(prior) + (before == 12
                            ? " the year before" : " in the " + before + " months before") + " (" + share + " %).",
                    ids, null));
        }
        if (last.signum() == 0 && everWon && prior.signum() == 0) {
            return List.of(Finding.risk(Signal.REVENUE_DECLINE, w.severity(), w.points(), "No business won in the"
                    + " last " + history + " months from an account that bought before.", ids, null));
        }
        return List.of();
    }

    /**
     * A key account's open pipeline due within the horizon (each deal weighted by its probability where the
     * mapping gives one) against its won revenue of the trailing window: renewals and expansions missing
     * from the pipeline shrink the business ahead, before any revenue is lost.
     */
    static List<Finding> pipelineCoverage(Facts f) {
        if (!f.snapshot.keyAccount()) {
            return List.of();
        }
        int window = f.rules.revenueWindowMonths();
        BigDecimal won = KeyAccounts.wonBetween(f.opportunities, f.today.minusMonths(window), f.today);
        if (won.signum() <= 0) {
            return List.of(); // no won business to renew or expand
        }
        int horizon = f.rules.pipelineHorizonMonths();
        LocalDate until = f.today.plusMonths(horizon);
        List<Opportunity> ahead = f.opportunities.stream().filter(o -> o.stageClass() == StageClass.OPEN
                && o.amount() != null && o.closeDate() != null && !o.closeDate().isBefore(f.today)
                && !o.closeDate().isAfter(until)).toList();
        BigDecimal pipeline = BigDecimal.ZERO;
        boolean weighted = false;
        for (Opportunity o : ahead) {
            if (o.probability() != null) {
                weighted = true;
                pipeline = pipeline.add(o.amount().multiply(o.probability()).movePointLeft(2));
            } else {
                pipeline = pipeline.add(o.amount());
            }
        }
        BigDecimal needed = won.multiply(BigDecimal.valueOf(f.rules.pipelineCoverageRatio()));
        if (pipeline.compareTo(needed) >= 0) {
            return List.of();
        }
        long share = pipeline.multiply(BigDecimal.valueOf(100)).divide(won, 0, java.math.RoundingMode.HALF_UP)
                .longValue();
        var w = f.config.weights().get(Signal.PIPELINE_COVERAGE);
        List<String> ids = new ArrayList<>(ahead.stream().map(Opportunity::id).toList());
        f.opportunities.stream().filter(o -> o.stageClass() == StageClass.WON && o.closeDate() != null
                && o.closeDate().isAfter(f.today.minusMonths(window)) && !o.closeDate().isAfter(f.today))
                .map(Opportunity::id).forEach(ids::add);
        return List.of(Finding.risk(Signal.PIPELINE_COVERAGE, w.severity(), w.points(), "Open pipeline due in the"
                + " next " + horizon + " months is " + money(pipeline) + (weighted ? " (stage-weighted)" : "")
                + " against " + money(won) + " won in the last " + window + " months (" + share + " %):"
                + " renewals and expansions are missing from the pipeline.", ids.stream().limit(20).toList(), null));
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
