package io.redflag.domain.scoring;

import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which accounts are key: the smallest set whose trailing-12-month won revenue makes up a share (default 80 %)
 * of the total (the Pareto rule), plus every account in an explicit key tier.
 */
public final class KeyAccounts {
    /** One account's revenue and tier for the selection. */
    public record Revenue(String accountId, BigDecimal trailingYearWon, String tier) {
    }

    private KeyAccounts() {
    }

    /**
     * @param share    the Pareto share, above 0 and at most 1; 0 switches the rule off (tiers only)
     * @param keyTiers tiers that make an account key whatever its revenue (case-insensitive)
     */
    public static Set<String> select(Collection<Revenue> accounts, double share, Collection<String> keyTiers) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("Pareto share " + share + " must be 0 (off) to 1");
        }
        Set<String> tiers = lower(keyTiers);
        Set<String> key = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Revenue r : accounts) {
            if (r.tier() != null && tiers.contains(r.tier().toLowerCase(Locale.ROOT))) {
                key.add(r.accountId());
            }
            total = total.add(positive(r.trailingYearWon()));
        }
        if (share == 0 || total.signum() == 0) {
            return key;
        }
        BigDecimal target = total.multiply(BigDecimal.valueOf(share));
        List<Revenue> byRevenue = accounts.stream().filter(r -> positive(r.trailingYearWon()).signum() > 0)
                .sorted(Comparator.comparing((Revenue r) -> positive(r.trailingYearWon())).reversed()
                        .thenComparing(Revenue::accountId)).toList();
        BigDecimal sum = BigDecimal.ZERO;
        for (Revenue r : byRevenue) {
            if (sum.compareTo(target) >= 0) {
                break;
            }
            key.add(r.accountId());
            sum = sum.add(r.trailingYearWon());
        }
        return key;
    }

    /** Whether the account's tier or segment is one of the strategic ones (case-insensitive). */
    public static boolean strategic(String tier, String segment, Collection<String> strategicSegments) {
        Set<String> s = lower(strategicSegments);
        return tier != null && s.contains(tier.toLowerCase(Locale.ROOT))
                || segment != null && s.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** Won amounts with a close date after {@code from} and at most {@code to}. */
    public static BigDecimal wonBetween(Collection<Opportunity> opportunities, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Opportunity o : opportunities) {
            if (o.stageClass() == StageClass.WON && o.amount() != null && o.closeDate() != null
                    && o.closeDate().isAfter(from) && !o.closeDate().isAfter(to)) {
                sum = sum.add(o.amount());
            }
        }
        return sum;
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() < 0 ? BigDecimal.ZERO : v;
    }

    private static Set<String> lower(Collection<String> values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return out;
    }
}
