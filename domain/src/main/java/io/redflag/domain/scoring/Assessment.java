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
 */
public record Assessment(String accountId, Instant asOf, int score, Level level, List<Finding> findings,
        List<Finding> positives, boolean keyAccount, boolean strategic, String scorecardVersion, String inputHash,
        Integer trend) {

    public Assessment {
        findings = List.copyOf(findings);
        positives = List.copyOf(positives);
    }

    /** The same assessment with its trend: this score minus {@code earlierScore}, or null when none is known. */
    public Assessment withTrend(Integer earlierScore) {
        return new Assessment(accountId, asOf, score, level, findings, positives, keyAccount, strategic,
                scorecardVersion, inputHash, earlierScore == null ? null : score - earlierScore);
    }

    /** The risks that count (not insufficient evidence), most severe first. */
    public List<Finding> risks() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.RISK).toList();
    }

    /**
     * The first {@code n} reasons as plain sentences: risks, most severe first, then what could not be counted
     * for lack of evidence (so a rep sees why a quiet account is not flagged).
     */
    public List<String> topReasons(int n) {
        return findings.stream().limit(n).map(Finding::explanation).toList();
    }
}
