package io.redflag.domain.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One thing the scorecard found, explained.
 *
 * @param key         the signal's name for risks and insufficient evidence, the evidence's name for positives
 * @param points      subtracted (risks) or added back (positives); 0 for insufficient evidence
 * @param explanation one plain sentence with the numbers behind it
 * @param recordIds   the CRM records it rests on
 * @param subjectId   the record the finding is about (a contact, a deal, a case), or null for the account
 */
public record Finding(String key, Kind kind, Severity severity, int points, String explanation,
        List<String> recordIds, String subjectId) {

    /** A risk, positive evidence, or a risk that the evidence cannot support (no task is made from it). */
    public enum Kind {
        RISK, POSITIVE, INSUFFICIENT_EVIDENCE
    }

    public Finding {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        recordIds = List.copyOf(recordIds);
    }

    static Finding risk(Signal signal, Severity severity, int points, String explanation, List<String> recordIds,
            String subjectId) {
        return new Finding(signal.name(), Kind.RISK, severity, points, explanation, recordIds, subjectId);
    }

    /** The signal of a risk or insufficient-evidence finding; null for positive evidence. */
    public Signal signal() {
        return kind == Kind.POSITIVE ? null : Signal.valueOf(key);
    }
}
