package io.redflag.service.backtest;

import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.StageClass;
import io.redflag.service.scoring.StoredAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Naive predictions from the same inputs as the scorecard, so the report shows whether the scorecard beats them:
 * the recent revenue trend (won business in the trailing window below the window before it) and a recent lost
 * deal (one closed as lost in the last 90 days).
 */
final class Baselines {
    static final List<String> NAMES = List.of("revenue trend", "recent lost deal");
    static final int LOST_DAYS = 90;

    private Baselines() {
    }

    /** @param windowMonths the trailing window of won revenue (the scorecard's revenueWindowMonths) */
    static boolean[] flags(StoredAccount then, LocalDate day, int windowMonths) {
        List<Opportunity> deals = then.opportunities();
        BigDecimal recent = won(deals, day.minusMonths(windowMonths), day);
        BigDecimal before = won(deals, day.minusMonths(2L * windowMonths), day.minusMonths(windowMonths));
        boolean declining = before.signum() > 0 && recent.compareTo(before) < 0;
        boolean lost = deals.stream().anyMatch(o -> o.stageClass() == StageClass.LOST && o.closeDate() != null
                && o.closeDate().isAfter(day.minusDays(LOST_DAYS)) && !o.closeDate().isAfter(day));
        return new boolean[] {declining, lost};
    }

    /** Won with a close date in (from, to]. */
    private static BigDecimal won(List<Opportunity> deals, LocalDate from, LocalDate to) {
        return deals.stream().filter(o -> o.stageClass() == StageClass.WON && o.amount() != null
                && o.closeDate() != null && o.closeDate().isAfter(from) && !o.closeDate().isAfter(to))
                .map(Opportunity::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
