package io.redflag.connector.resilience;

import java.util.Locale;

/**
 * A read (or, at the limit itself, a write) was refused before it was sent, because the org's daily API
 * allocation is used up to the share kept for write-back. Not retried: the budget frees up over hours.
 */
public final class ApiBudgetExhaustedException extends RuntimeException {
    private final ApiBudget.State state;

    private ApiBudgetExhaustedException(String message, ApiBudget.State state) {
        super(message);
        this.state = state;
    }

    static ApiBudgetExhaustedException readsPaused(String operation, ApiBudget.State state) {
        return new ApiBudgetExhaustedException("CRM read " + operation + " refused: API usage " + state.used() + " of "
                + state.limit() + " (" + percent(state.shareUsed()) + ") is above the read threshold of "
                + percent(state.readThreshold()) + "; the rest is kept for write-back", state);
    }

    static ApiBudgetExhaustedException limitReached(String operation, ApiBudget.State state) {
        return new ApiBudgetExhaustedException("CRM write " + operation + " refused: API usage " + state.used()
                + " has reached the daily limit of " + state.limit(), state);
    }

    /** The budget as it was when the call was refused. */
    public ApiBudget.State state() {
        return state;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
