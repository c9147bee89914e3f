package io.redflag.service.pages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each account's scores since an instant (a week ago: the week's drops), read from score_history in one pass: every
 * span still in force at that instant or later, whatever the account, with no join. Joins and per-account look-ups
 * cost tens of microseconds a row on H2 where a plain index scan costs one; the scope is applied here, in memory.
 */
final class ScoreWindow {
    /** One score in force from {@code asOf} until {@code supersededAt} (exclusive; null: still in force). */
    private record Span(String account, Instant asOf, Instant supersededAt, int score, String level) {
        boolean inForceAt(Instant t) {
            return !asOf.isAfter(t) && (supersededAt == null || supersededAt.isAfter(t));
        }
    }

    /** An account whose score dropped: its score in force a week ago, and its latest. */
    record Drop(String account, int before, int now, String level) {
    }

    private final List<Span> spans = new ArrayList<>();

    private ScoreWindow() {
    }

    /** The spans of the accounts in {@code scope} in force at {@code since} or later. */
    static ScoreWindow read(JdbcTemplate jdbc, Set<String> scope, Instant since) {
        ScoreWindow w = new ScoreWindow();
        jdbc.query("SELECT account_id, as_of, superseded_at, score, level FROM score_history"
                + " WHERE superseded_at IS NULL OR superseded_at >= ?", rs -> {
                    String account = rs.getString(1);
                    if (scope.contains(account)) {
                        OffsetDateTime until = rs.getObject(3, OffsetDateTime.class);
                        w.spans.add(new Span(account, rs.getObject(2, OffsetDateTime.class).toInstant(),
                                until == null ? null : until.toInstant(), rs.getInt(4), rs.getString(5)));
                    }
                }, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        return w;
    }

    /** The biggest drops from the score in force at {@code then} to the latest, biggest first, then by account. */
    List<Drop> drops(Instant then, int limit) {
        Map<String, Integer> before = new HashMap<>();
        Map<String, Span> latest = new HashMap<>();
        for (Span s : spans) {
            if (s.inForceAt(then)) {
                before.put(s.account(), s.score());
            }
            if (s.supersededAt() == null) {
                latest.put(s.account(), s);
            }
        }
        return latest.values().stream().filter(s -> before.containsKey(s.account())
                && before.get(s.account()) > s.score())
                .map(s -> new Drop(s.account(), before.get(s.account()), s.score(), s.level()))
                .sorted(Comparator.comparingInt((Drop d) -> d.now() - d.before()).thenComparing(Drop::account))
                .limit(limit).toList();
    }
}
