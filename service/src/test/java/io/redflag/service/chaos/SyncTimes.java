package io.redflag.service.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An initial sync as the leader's log tells it: from its first "Initial sync of X: N records to read" to its
 * last "Initial sync of X: N / N (100 %)", and the records it counted.
 */
record SyncTimes(long records, Duration took) {
    private static final Pattern TO_READ = Pattern.compile(
            "^(\\S+Z) .*Initial sync of \\w+: (\\d+) records to read", Pattern.MULTILINE);
    private static final Pattern DONE = Pattern.compile(
            "^(\\S+Z) .*Initial sync of \\w+: (\\d+) / \\2 \\(100 %\\)", Pattern.MULTILINE);

    static SyncTimes of(String log) {
        Instant first = null;
        Instant last = null;
        long records = 0;
        Matcher m = TO_READ.matcher(log);
        while (m.find()) {
            Instant at = Instant.parse(m.group(1));
            first = first == null || at.isBefore(first) ? at : first;
            records += Long.parseLong(m.group(2));
        }
        Matcher d = DONE.matcher(log);
        while (d.find()) {
            Instant at = Instant.parse(d.group(1));
            last = last == null || at.isAfter(last) ? at : last;
        }
        if (first == null || last == null) {
            throw new IllegalStateException("no complete initial sync in the log");
        }
        return new SyncTimes(records, Duration.between(first, last));
    }

    double recordsPerSecond() {
        return records / (took.toMillis() / 1000.0);
    }
}
