package io.redflag.service.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portfolio page's figures, aggregated and paged in SQL so a book of tens of thousands of accounts answers
 * at once: accounts and won revenue per level, the score distribution, the week's biggest drops, the levels
 * over the last weeks, one page of accounts. Every query takes the same filters.
 */
@Component
class PortfolioQueries {
    static final List<String> LEVELS = List.of("Critical", "At Risk", "Watch", "Unknown", "Healthy");
    static final int PAGE = 50;
    static final int WEEKS = 12;

    /** The filters of the page; null or blank: not filtered. minScore and maxScore bound the score (inclusive). */
    record Filter(String owner, String segment, String level, boolean keyOnly, Integer minScore, Integer maxScore) {
    }

    record LevelFigure(String level, int accounts, BigDecimal wonRevenue) {
    }

    record Row(String id, String name, String ownerName, String segment, int score, String level, Integer trend,
            boolean keyAccount, BigDecimal wonRevenue) {
    }

    record Mover(String id, String name, String ownerName, int before, int now, String level) {
        int drop() {
            return before - now;
        }
    }

    /** Accounts per level at the end of each of the last weeks (as the assessments then stood). */
    record Weekly(List<LocalDate> weeks, Map<String, List<Integer>> counts) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortfolioQueries(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The WHERE conditions over account a and account_score s, and their arguments. */
    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE a.deleted = FALSE");
        if (f.owner() != null) {
            sql.append(" AND a.owner = ?");
            args.add(f.owner());
        }
        if (f.segment() != null) {
            sql.append(" AND (a.segment = ? OR a.tier = ?)");
            args.add(f.segment());
            args.add(f.segment());
        }
        if (f.level() != null) {
            sql.append(" AND s.level = ?");
            args.add(f.level());
        }
        if (f.keyOnly()) {
            sql.append(" AND s.key_account = TRUE");
        }
        if (f.minScore() != null) {
            sql.append(" AND s.score >= ?");
            args.add(f.minScore());
        }
        if (f.maxScore() != null) {
            sql.append(" AND s.score <= ?");
            args.add(f.maxScore());
        }
        return sql.toString();
    }

    /** Won revenue per account over the trailing 12 months, as a derived table {@code r(account, won)}. */
    private String wonRevenue(List<Object> args) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        args.add(today.minusYears(1));
        args.add(today);
        return "(SELECT account, SUM(amount) AS won FROM opportunity WHERE stage = 'WON' AND deleted = FALSE"
                + " AND close_date > ? AND close_date <= ? GROUP BY account) r";
    }

    List<LevelFigure> levels(Filter f) {
        List<Object> args = new ArrayList<>();
        String revenue = wonRevenue(args);
        String sql = "SELECT s.level, COUNT(*), SUM(r.won) FROM account_score s JOIN account a ON a.id = s.account_id"
                + " LEFT JOIN " + revenue + " ON r.account = a.id" + where(f, args) + " GROUP BY s.level";
        Map<String, LevelFigure> by = new HashMap<>();
        jdbc.query(sql, rs -> {
            BigDecimal won = rs.getBigDecimal(3);
            by.put(rs.getString(1), new LevelFigure(rs.getString(1), rs.getInt(2), won == null ? BigDecimal.ZERO
                    : won));
        }, args.toArray());
        return LEVELS.stream().map(l -> by.getOrDefault(l, new LevelFigure(l, 0, BigDecimal.ZERO))).toList();
    }

    /** Accounts per score band of ten (0–9 … 90–100), the lowest band first. */
    int[] distribution(Filter f) {
        List<Object> args = new ArrayList<>();
        int[] bands = new int[10];
        jdbc.query("SELECT CASE WHEN s.score >= 100 THEN 9 ELSE s.score / 10 END AS band, COUNT(*) FROM account_score s"
                + " JOIN account a ON a.id = s.account_id" + where(f, args) + " GROUP BY CASE WHEN s.score >= 100"
                + " THEN 9 ELSE s.score / 10 END", rs -> {
                    int band = rs.getInt(1);
                    bands[Math.max(0, Math.min(9, band))] += rs.getInt(2);
                }, args.toArray());
        return bands;
    }

    /** The biggest drops since a week ago: the latest score against the latest one stored a week or more ago. */
    List<Mover> movers(Filter f, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofDays(7)), ZoneOffset.UTC));
        String sql = "SELECT a.id, a.name, u.name, w.score, s.score, s.level FROM account_score s"
                + " JOIN account a ON a.id = s.account_id LEFT JOIN crm_user u ON u.id = a.owner"
                + " JOIN (SELECT h.account_id, h.score FROM assessment h JOIN (SELECT account_id, MAX(as_of) AS as_of"
                + " FROM assessment WHERE as_of <= ? GROUP BY account_id) l ON l.account_id = h.account_id"
                + " AND l.as_of = h.as_of) w ON w.account_id = s.account_id" + where(f, args)
                + " AND w.score > s.score ORDER BY w.score - s.score DESC, a.id FETCH FIRST " + limit + " ROWS ONLY";
        return jdbc.query(sql, (rs, i) -> new Mover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getString(6)), args.toArray());
    }

    /** One page of accounts, lowest score first, and how many match in all. */
    List<Row> page(Filter f, int page) {
        List<Object> args = new ArrayList<>();
        String revenue = wonRevenue(args);
        String sql = "SELECT a.id, a.name, u.name, COALESCE(a.segment, a.tier), s.score, s.level, s.trend,"
                + " s.key_account, r.won FROM account_score s JOIN account a ON a.id = s.account_id"
                + " LEFT JOIN crm_user u ON u.id = a.owner LEFT JOIN " + revenue + " ON r.account = a.id"
                + where(f, args) + " ORDER BY s.score, a.id OFFSET " + (page * PAGE) + " ROWS FETCH NEXT " + PAGE
                + " ROWS ONLY";
        return jdbc.query(sql, (rs, i) -> {
            int trend = rs.getInt(7);
            Integer t = rs.wasNull() ? null : trend;
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), t, rs.getBoolean(8), rs.getBigDecimal(9));
        }, args.toArray());
    }

    int count(Filter f) {
        List<Object> args = new ArrayList<>();
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM account_score s JOIN account a ON a.id = s.account_id"
                + where(f, args), Integer.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * Accounts per level at the end of each of the last {@value #WEEKS} weeks: the assessments of the window
     * replayed in time order over each account's level before it, in one pass.
     */
    Weekly weekly(Filter f) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<LocalDate> weeks = new ArrayList<>();
        for (int w = WEEKS - 1; w >= 0; w--) {
            weeks.add(today.minusWeeks(w));
        }
        Instant start = weeks.get(0).minusWeeks(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Filter scope = new Filter(f.owner(), f.segment(), null, f.keyOnly(), null, null);
        Map<String, String> level = new HashMap<>();
        List<Object> args = new ArrayList<>();
        args.add(OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        jdbc.query("SELECT h.account_id, h.level FROM assessment h JOIN (SELECT account_id, MAX(as_of) AS as_of"
                + " FROM assessment WHERE as_of < ? GROUP BY account_id) l ON l.account_id = h.account_id"
                + " AND l.as_of = h.as_of JOIN account_score s ON s.account_id = h.account_id JOIN account a"
                + " ON a.id = h.account_id" + where(scope, args), rs -> {
                    level.put(rs.getString(1), rs.getString(2));
                }, args.toArray());
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        LEVELS.forEach(l -> counts.put(l, new ArrayList<>()));
        int[] next = {0};
        Runnable close = () -> {
            Map<String, Integer> n = new HashMap<>();
            level.values().forEach(l -> n.merge(l, 1, Integer::sum));
            LEVELS.forEach(l -> counts.get(l).add(n.getOrDefault(l, 0)));
            next[0]++;
        };
        args.clear();
        args.add(OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        jdbc.query("SELECT h.account_id, h.level, h.as_of FROM assessment h JOIN account_score s ON s.account_id ="
                + " h.account_id JOIN account a ON a.id = h.account_id" + where(scope, args).replaceFirst(" WHERE",
                        " WHERE h.as_of >= ? AND") + " ORDER BY h.as_of", rs -> {
                    LocalDate day = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
                    while (next[0] < weeks.size() && day.isAfter(weeks.get(next[0]))) {
                        close.run();
                    }
                    level.put(rs.getString(1), rs.getString(2));
                }, args.toArray());
        while (next[0] < weeks.size()) {
            close.run();
        }
        return new Weekly(weeks, counts);
    }

    /** Owners and segments to filter by, for the page's lists. */
    Map<String, String> owners() {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT u.id, u.name FROM crm_user u JOIN account a ON a.owner = u.id WHERE a.deleted ="
                + " FALSE ORDER BY u.name, u.id", rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    List<String> segments() {
        return jdbc.queryForList("SELECT DISTINCT COALESCE(segment, tier) FROM account WHERE deleted = FALSE AND"
                + " COALESCE(segment, tier) IS NOT NULL ORDER BY 1", String.class);
    }
}
