package io.redflag.service.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When the scoring counts the accounts per level of a day ({@link AssessmentStore#countLevels}, the portfolio's
 * weeks). A count reads every account's latest score (about 0.05 s on PostgreSQL and 0.2–0.8 s on H2 for 20,000
 * accounts), so runs over a few changed accounts count at most every {@link #EVERY}; a run over every account and
 * a replica's first run of a day always count. A day whose last runs went uncounted is counted before the next
 * run changes anything, while the levels still stand as that day left them: unless a later day is counted already
 * (another replica scored since), which would mean they no longer do. One scoring run at a time calls this.
 */
final class LevelCounts {
    static final Duration EVERY = Duration.ofMinutes(15);
    private final AssessmentStore store;
    private Instant countedAt;
    private LocalDate uncounted;

    LevelCounts(AssessmentStore store) {
        this.store = store;
    }

    /** Before a run stores anything: counts the day whose last runs went uncounted, once that day is over. */
    void beforeRun(Instant asOf) {
        if (uncounted != null && uncounted.isBefore(day(asOf))) {
            LocalDate latest = store.latestCountedDay();
            if (latest != null && !latest.isAfter(uncounted)) {
                store.countLevels(uncounted, asOf);
            }
            uncounted = null;
        }
    }

    /** After a run has stored its assessments. */
    void afterRun(Instant asOf, boolean everyAccount) {
        boolean due = everyAccount || countedAt == null || !day(countedAt).equals(day(asOf))
                || !countedAt.plus(EVERY).isAfter(asOf);
        if (due) {
            store.countLevels(day(asOf), asOf);
            countedAt = asOf;
            uncounted = null;
        } else {
            uncounted = day(asOf);
        }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
