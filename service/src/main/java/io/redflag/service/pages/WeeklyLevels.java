package io.redflag.service.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio's levels week by week, from the counts the scoring makes after each run (level_day, owned by the
 * scoring's AssessmentStore): a dozen days of a few rows per owner and segment, however often scores changed.
 */
final class WeeklyLevels {
    private WeeklyLevels() {
    }

    /**
     * Accounts per level at the end of each of the last {@link PortfolioQueries#WEEKS} weeks, this one as they stand
     * now ({@code now}), the others as the scoring counted them (level_day): on the week's last day, or where it was
     * not counted (no run that day), on the last day before it that was. Weeks before the first count are left
     * out. The scope is the owner, segment and key flag of those days, not of today.
     */
    static PortfolioQueries.Weekly read(JdbcTemplate jdbc, PortfolioQueries.Filter scope, LocalDate today,
            Map<String, Integer> now) {
        TreeSet<LocalDate> counted = new TreeSet<>(jdbc.queryForList("SELECT counted_on FROM level_day_taken"
                + " WHERE counted_on < ?", LocalDate.class, today));
        // Each past week's end, and the counted day that stands for it.
        Map<LocalDate, LocalDate> standsFor = new LinkedHashMap<>();
        for (int w = PortfolioQueries.WEEKS - 1; w >= 1; w--) {
            LocalDate end = today.minusWeeks(w);
            LocalDate last = counted.floor(end);
            if (last != null) {
                standsFor.put(end, last);
            }
        }
        Map<LocalDate, Map<String, Integer>> byDay = new HashMap<>();
        if (!standsFor.isEmpty()) {
            List<LocalDate> days = standsFor.values().stream().distinct().toList();
            List<Object> args = new ArrayList<>(days);
            String sql = "SELECT counted_on, level, SUM(accounts) FROM level_day WHERE counted_on IN ("
                    + String.join(", ", Collections.nCopies(days.size(), "?")) + ")"
                    + PortfolioQueries.scope(scope, "", "", args) + " GROUP BY counted_on, level";
            jdbc.query(sql, rs -> {
                byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3));
            }, args.toArray());
        }
        List<LocalDate> weeks = new ArrayList<>(standsFor.keySet());
        weeks.add(today);
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        for (String level : PortfolioQueries.LEVELS) {
            List<Integer> series = new ArrayList<>();
            standsFor.values().forEach(day -> series.add(byDay.getOrDefault(day, Map.of()).getOrDefault(level, 0)));
            series.add(now.getOrDefault(level, 0));
            counts.put(level, series);
        }
        return new PortfolioQueries.Weekly(weeks, counts);
    }
}
