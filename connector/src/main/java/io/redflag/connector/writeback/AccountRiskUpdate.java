package io.redflag.connector.writeback;

import java.time.Instant;
import java.util.Objects;

/** The risk fields Redflag writes on one Account. */
public record AccountRiskUpdate(String accountId, int score, String level, String reasons, Integer trend,
        Instant scoredAt) {
    /** Risk_Reasons__c is a long text area of 32,768 characters. */
    public static final int REASONS_LENGTH = 32_768;

    public AccountRiskUpdate {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(level, "level");
        if (reasons != null && reasons.length() > REASONS_LENGTH) {
            // Cut on a line (one reason per line) so no sentence is left half-written.
            int cut = reasons.lastIndexOf('\n', REASONS_LENGTH - 2);
            reasons = reasons.substring(0, cut > 0 ? cut : REASONS_LENGTH - 1) + "…";
        }
    }
}
