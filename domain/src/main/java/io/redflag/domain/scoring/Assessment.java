package io.redflag.domain.scoring;

import java.time.Instant;
import java.util.List;

/**
 * One account's health as of one moment, reproducible: the scorecard version and a hash of the inputs say
 * exactly what it was computed from.
 *
 * @param findings  risks (most severe first) and insufficient-evidence notes
 * @param positives positive evidence
 * @param trend     the score now minus the score 30 days earlier; null until the caller knows it
 * @param coverage  which signals had the inputs they need
 */
public record Assessment(String accountId, Instant asOf, int score, Level level, List<Finding> findings,
        List<Finding> positives, boolean keyAccount, boolean strategic, String scorecardVersion, String inputHash,
        Integer trend, Coverage coverage) {

    public Assessment {
        findings = List.copyOf(findings);
        positives = List.copyOf(positives);
    }

    /** The same assessment with its trend: this score minus {@code earlierScore}, or null when none is known. */
    public Assessment withTrend(Integer earlierScore) {
        return new Assessment(accountId, asOf, score, level, findings, positives, keyAccount, strategic,
                scorecardVersion, inputHash, earlierScore == null ? null : score - earlierScore, coverage);
    }

    /** The risks that count (not insufficient evidence), most severe first. */
    public List<Finding> risks() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.RISK).toList();
    }

    /** What a risk signal found but the evidence cannot support: explained, never counted, never a task. */
    public List<Finding> notCounted() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.INSUFFICIENT_EVIDENCE).toList();
    }

    /**
     * The first {@code n} risks as plain sentences, most severe first: what Risk_Reasons__c holds. Findings not
     * counted are no reasons (they read like risks); {@link #notCounted()} explains them.
     */
    public List<String> topReasons(int n) {
        return risks().stream().limit(n).map(Finding::explanation).toList();
    }
}
