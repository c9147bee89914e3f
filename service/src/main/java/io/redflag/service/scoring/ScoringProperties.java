package io.redflag.service.scoring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring and write-back settings ({@code redflag.scoring.*}).
 *
 * @param scorecardFile  the admin's scorecard YAML; unset: the shipped defaults (scorecard/default.yaml)
 * @param paretoShare    the share of trailing-12-month won revenue that makes the key accounts; 0 = tiers only
 * @param dailyCron      when every account is scored again (silence grows with time even when nothing changes)
 * @param sweepInterval  how often changed accounts are looked for when no change notice arrived
 * @param writeBack      false to score without writing to the CRM (a dry run)
 */
@ConfigurationProperties("redflag.scoring")
public record ScoringProperties(Path scorecardFile, @DefaultValue("0.8") double paretoShare,
        @DefaultValue("0 0 5 * * *") String dailyCron, @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("true") boolean writeBack) {

    public ScoringProperties {
        if (paretoShare < 0 || paretoShare > 1) {
            throw new IllegalArgumentException("redflag.scoring.pareto-share = " + paretoShare
                    + " must be 0 (tiers only) to 1, for example 0.8");
        }
        if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("redflag.scoring.sweep-interval = " + sweepInterval
                    + " must be a positive duration, for example 5s");
        }
    }
}
