package io.redflag.service.pages;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portfolio page's figures, so a book of tens of thousands of accounts answers at once: accounts and won
 * revenue per level, the score distribution, the week's biggest drops (summed in memory from three narrow reads),
 * the levels over the last weeks (from the scoring's counts per day), one page of accounts (paged in SQL). Every
 * read takes the same filters.
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

    /** Accounts per level at the end of each of the last weeks (as the assessments then stood), oldest first. */
    record Weekly(List<LocalDate> weeks, Map<String, List<Integer>> counts) {
    }

    /** An account's latest score, for the figures. */
    record Scored(int score, String level) {
    }

    /** The figures of one scope; {@link #count} counts the accounts of a narrower list within it. */
    record Figures(List<LevelFigure> levels, int[] bands, List<Mover> movers, Weekly weekly,
            Map<String, Scored> scored) {
        /** The accounts of the scope that the filter's level and score band keep (its other filters made the scope). */
        int count(Filter f) {
            return (int) scored.values().stream().filter(s -> (f.level() == null || f.level().equals(s.level()))
                    && (f.minScore() == null || s.score() >= f.minScore())
                    && (f.maxScore() == null || s.score() <= f.maxScore())).count();
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortfolioQueries(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The WHERE conditions over account a and account_score s, and their arguments. */
    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE a.deleted = FALSE").append(scope(f, "a.", "s.", args));
        if (f.level() != null) {
            sql.append(" AND s.level = ?");
            args.add(f.level());
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

    /**
     * The conditions of the filter's scope (owner, segment or tier, key accounts only), each starting with AND, over
     * the columns owner, segment and tier prefixed by {@code account} and key_account prefixed by {@code score}.
     */
    static String scope(Filter f, String account, String score, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (f.owner() != null) {
            sql.append(" AND ").append(account).append("owner = ?");
            args.add(f.owner());
        }
        if (f.segment() != null) {
            sql.append(" AND (").append(account).append("segment = ? OR ").append(account).append("tier = ?)");
            args.add(f.segment());
            args.add(f.segment());
        }
        if (f.keyOnly()) {
            sql.append(" AND ").append(score).append("key_account = TRUE");
        }
        return sql.toString();
    }

    /**
     * The figures of the scope's accounts (by owner, segment, key or not; a level or score band narrows the list
     * only): accounts and won revenue per level, accounts per score band, the week's biggest drops and the levels
     * of the last weeks. The scope's latest scores are read once and summed here, as is each account's won revenue
     * (an index scan): a join per account costs more than the whole scan on H2.
     */
    Figures figures(Filter scope, int movers) {
        Map<String, Scored> scored = new HashMap<>();
        List<Object> args = new ArrayList<>();
        jdbc.query("SELECT s.account_id, s.score, s.level FROM account_score s JOIN account a ON a.id = s.account_id"
                + where(scope, args), rs -> {
                    scored.put(rs.getString(1), new Scored(rs.getInt(2), rs.getString(3)));
                }, args.toArray());
        Map<String, BigDecimal> revenue = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] bands = new int[10];
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.query("SELECT account, amount FROM opportunity WHERE stage = 'WON' AND close_date > ? AND close_date <= ?"
                + " AND deleted = FALSE", rs -> {
                    Scored one = scored.get(rs.getString(1));
                    BigDecimal amount = rs.getBigDecimal(2);
                    if (one != null && amount != null) {
                        revenue.merge(one.level(), amount, BigDecimal::add);
                    }
                }, today.minusYears(1), today);
        scored.values().forEach(one -> {
            counts.merge(one.level(), 1, Integer::sum);
            bands[Math.max(0, Math.min(9, one.score() / 10))]++;
        });
        List<LevelFigure> levels = LEVELS.stream().map(l -> new LevelFigure(l, counts.getOrDefault(l, 0),
                revenue.getOrDefault(l, BigDecimal.ZERO))).toList();

        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        return new Figures(levels, bands, movers(WeekDrops.biggest(jdbc, scored, weekAgo, movers)),
                WeeklyLevels.read(jdbc, scope, today, counts), scored);
    }

    /** The drops with their account's and owner's names, in the drops' order. */
    private List<Mover> movers(List<WeekDrops.Drop> drops) {
        if (drops.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> names = new HashMap<>();
        jdbc.query("SELECT a.id, a.name, u.name FROM account a LEFT JOIN crm_user u ON u.id = a.owner WHERE a.id IN ("
                + String.join(", ", Collections.nCopies(drops.size(), "?")) + ")", rs -> {
                    names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }, drops.stream().map(WeekDrops.Drop::account).toArray());
        return drops.stream().map(d -> {
            String[] name = names.getOrDefault(d.account(), new String[2]);
            return new Mover(d.account(), name[0], name[1], d.before(), d.now(), d.level());
        }).toList();
    }

    /**
     * One page of accounts, lowest score first. The page is chosen first and the won revenue summed for its rows
     * only, not for every account before paging.
     */
    List<Row> page(Filter f, int page) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object> args = new ArrayList<>(List.of(today.minusYears(1), today));
        String sql = "SELECT p.id, p.name, u.name, COALESCE(p.segment, p.tier), p.score, p.level, p.trend,"
                + " p.key_account, (SELECT SUM(o.amount) FROM opportunity o WHERE o.account = p.id AND o.stage = 'WON'"
                + " AND o.close_date > ? AND o.close_date <= ? AND o.deleted = FALSE) FROM (SELECT a.id, a.name,"
                + " a.owner, a.segment, a.tier, s.score, s.level, s.trend, s.key_account FROM account_score s"
                + " JOIN account a ON a.id = s.account_id" + where(f, args) + " ORDER BY s.score, a.id OFFSET "
                + (page * PAGE) + " ROWS FETCH NEXT " + PAGE + " ROWS ONLY) p LEFT JOIN crm_user u ON u.id = p.owner"
                + " ORDER BY p.score, p.id";
        return jdbc.query(sql, (rs, i) -> {
            int trend = rs.getInt(7);
            Integer t = rs.wasNull() ? null : trend;
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), t, rs.getBoolean(8), rs.getBigDecimal(9));
        }, args.toArray());
    }

    /** Owners and segments to filter by, for the page's lists. */
    Map<String, String> owners() {
        Map<String, String> out = new LinkedHashMap<>();
        // Per user, one look-up in the accounts' owner index: a join over every account, then DISTINCT, costs more.
        jdbc.query("SELECT u.id, u.name FROM crm_user u WHERE EXISTS (SELECT 1 FROM account a WHERE a.owner = u.id"
                + " AND a.deleted = FALSE) ORDER BY u.name, u.id", rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    List<String> segments() {
        return jdbc.queryForList("SELECT DISTINCT COALESCE(segment, tier) FROM account WHERE deleted = FALSE AND"
                + " COALESCE(segment, tier) IS NOT NULL ORDER BY 1", String.class);
    }
}
