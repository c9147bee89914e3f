package io.redflag.service.pages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The week's biggest drops: each account's score in force a week ago (score_history) against its latest. The spans
 * in force at an instant are two ranges of the superseded_at index, those ended after it and those still open, and
 * each is read on its own: joined by OR, H2 scans the whole index instead (2.3 s against 0.3 s on 1.7 million
 * spans). No join either: a per-row look-up costs tens of microseconds on H2 where an index range costs one; the
 * scope is applied here, in memory.
 */
final class WeekDrops {
    /** An account whose score dropped: its score in force a week ago, and its latest. */
    record Drop(String account, int before, int now, String level) {
    }

    private WeekDrops() {
    }

    /**
     * The biggest drops among {@code latest} (the scope's accounts and their latest scores) from the score in force
     * at {@code then}, biggest first, then by account; an account with no score then has no drop.
     */
    static List<Drop> biggest(JdbcTemplate jdbc, Map<String, PortfolioQueries.Scored> latest, Instant then,
            int limit) {
        Map<String, Integer> before = new HashMap<>();
        RowCallbackHandler keep = rs -> {
            String account = rs.getString(1);
            if (latest.containsKey(account)) {
                before.put(account, rs.getInt(2));
            }
        };
        OffsetDateTime at = OffsetDateTime.ofInstant(then, ZoneOffset.UTC);
        jdbc.query("SELECT account_id, score FROM score_history WHERE superseded_at > ? AND as_of <= ?", keep, at, at);
        jdbc.query("SELECT account_id, score FROM score_history WHERE superseded_at IS NULL AND as_of <= ?", keep, at);
        return latest.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && before.get(e.getKey()) > e.getValue().score())
                .map(e -> new Drop(e.getKey(), before.get(e.getKey()), e.getValue().score(), e.getValue().level()))
                .sorted(Comparator.comparingInt((Drop d) -> d.now() - d.before()).thenComparing(Drop::account))
                .limit(limit).toList();
    }
}
