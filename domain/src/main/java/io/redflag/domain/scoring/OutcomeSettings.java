package io.redflag.domain.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * What the backtest counts as the outcome a risk warns of (the scorecard file's {@code outcomes}), each judged
 * over the horizon after an as-of day. A setting of 0 (or false, or an empty list) leaves its outcome out.
 *
 * @param revenueShare        won revenue in the horizon below this share of the won revenue of the trailing
 *                            window before the as-of day, pro-rated to the horizon's length (an account that won
 *                            nothing then cannot drop); judged only on horizons the data covers whole
 * @param trailingMonths      the trailing window of won revenue the horizon is compared with
 * @param lostDeal            a deal of the account closed as lost in the horizon
 * @param formerCustomerTypes the account's type (the mapping's segment, Salesforce's Account.Type) changed to one
 *                            of these values in the horizon
 * @param noWonBusinessMonths an account that won business before went this many months without winning any,
 *                            the months ending in the horizon
 */
public record OutcomeSettings(double revenueShare, int trailingMonths, boolean lostDeal,
        List<String> formerCustomerTypes, int noWonBusinessMonths) {

    public OutcomeSettings {
        formerCustomerTypes = formerCustomerTypes == null ? List.of() : List.copyOf(formerCustomerTypes);
    }

    public static OutcomeSettings defaults() {
        return new OutcomeSettings(0.5, 12, true, List.of("Former Customer"), 12);
    }

    /** Checks every value; every problem at once, each naming its key. */
    public OutcomeSettings validate() {
        List<ScorecardConfigException.Problem> problems = new ArrayList<>();
        if (!(revenueShare >= 0 && revenueShare <= 1)) {
            problems.add(new ScorecardConfigException.Problem("outcomes.revenueShare", revenueShare,
                    "a share from 0 (no revenue outcome) to 1, e.g. 0.5"));
        }
        if (trailingMonths < 1 || trailingMonths > 60) {
            problems.add(new ScorecardConfigException.Problem("outcomes.trailingMonths", trailingMonths,
                    "1 to 60 months, e.g. 12"));
        }
        if (noWonBusinessMonths < 0 || noWonBusinessMonths > 60) {
            problems.add(new ScorecardConfigException.Problem("outcomes.noWonBusinessMonths", noWonBusinessMonths,
                    "0 (no such outcome) to 60 months, e.g. 12"));
        }
        if (formerCustomerTypes.stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add(new ScorecardConfigException.Problem("outcomes.formerCustomerTypes", formerCustomerTypes,
                    "account type values, none empty, e.g. [\"Former Customer\"]"));
        }
        if (!problems.isEmpty()) {
            throw new ScorecardConfigException(problems);
        }
        return this;
    }
}
