package io.redflag.domain.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of a deal's history: its stage, amount and close date as of {@code at}. */
public record OpportunityChange(Instant at, String stage, int stageOrder, BigDecimal amount, LocalDate closeDate) {
}
