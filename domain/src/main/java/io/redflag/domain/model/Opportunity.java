package io.redflag.domain.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A deal at an account, with the history of its stage, amount and close date.
 *
 * @param stageOrder  the position of the stage in the sales process, to tell when a deal went backwards
 * @param lossReason  the loss reason as the CRM names it, or null
 * @param probability the chance of winning, in per cent (0 to 100), where the mapping gives it; else null
 */
public record Opportunity(String id, String accountId, String name, String stage, int stageOrder,
        StageClass stageClass, BigDecimal amount, LocalDate closeDate, String nextStep, String lossReason,
        Instant createdAt, Instant modifiedAt, List<OpportunityChange> history, BigDecimal probability) {

    public Opportunity {
        Objects.requireNonNull(id, "id");
        history = List.copyOf(history);
    }

    /** A deal whose probability is not known. */
    public Opportunity(String id, String accountId, String name, String stage, int stageOrder,
            StageClass stageClass, BigDecimal amount, LocalDate closeDate, String nextStep, String lossReason,
            Instant createdAt, Instant modifiedAt, List<OpportunityChange> history) {
        this(id, accountId, name, stage, stageOrder, stageClass, amount, closeDate, nextStep, lossReason, createdAt,
                modifiedAt, history, null);
    }
}
