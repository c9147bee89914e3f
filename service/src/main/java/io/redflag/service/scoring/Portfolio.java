package io.redflag.service.scoring;

import io.redflag.service.store.OwnTasks;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.KeyAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What scoring one account needs to know about all the others: which accounts are key (the Pareto rule runs
 * over the whole book), how much each owner logs across their accounts and whether each user's replies show
 * (evidence quality). A few aggregate queries per read: a run over every account reads it, runs over a few changed accounts reuse it for a while
 * (ScoringService).
 */
final class Portfolio {
    /**
     * What a read needs to know.
     *
     * @param baselineDays    the window over which each user's reply logging is measured
     * @param inboundPrefixes email subjects that mark a reply (lower case), as the mapping lists them
     */
    record Settings(double paretoShare, List<String> keyTiers, int baselineDays, List<String> inboundPrefixes) {
    }

    final Set<String> keyAccounts;
    final Map<String, AccountSnapshot.OwnerLogging> logging;
    /** Per user: emails sent and replies logged over the baseline window, across all their accounts. */
    final Map<String, AccountSnapshot.ReplyLogging> replies;

    private Portfolio(Set<String> keyAccounts, Map<String, AccountSnapshot.OwnerLogging> logging,
            Map<String, AccountSnapshot.ReplyLogging> replies) {
        this.keyAccounts = keyAccounts;
        this.logging = logging;
        this.replies = replies;
    }

    static Portfolio read(DataSource dataSource, Instant asOf, Settings settings) {
        double paretoShare = settings.paretoShare();
        List<String> keyTiers = settings.keyTiers();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<KeyAccounts.Revenue> revenues = new ArrayList<>();
        jdbc.query("SELECT a.id, a.tier, SUM(o.amount) FROM account a LEFT JOIN opportunity o ON o.account = a.id"
                + " AND o.stage = 'WON' AND o.deleted = FALSE AND o.close_date > ? AND o.close_date <= ?"
                + " WHERE a.deleted = FALSE GROUP BY a.id, a.tier", rs -> {
                    revenues.add(new KeyAccounts.Revenue(rs.getString(1), rs.getBigDecimal(3), rs.getString(2)));
                }, today.minusYears(1), today);
        Set<String> key = KeyAccounts.select(revenues, paretoShare, keyTiers);

        Map<String, Integer> owned = new HashMap<>();
        jdbc.query("SELECT owner, COUNT(*) FROM account WHERE deleted = FALSE GROUP BY owner",
                rs -> {
                    owned.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Integer> logged = new HashMap<>();
        // Whole UTC days, as the scorecard's windows count them: the 90 days up to the end of today, so a rerun
        // later the same day counts the same.
        Object since = AssessmentStore.time(today.minusDays(89).atStartOfDay(ZoneOffset.UTC).toInstant());
        Object until = AssessmentStore.time(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        jdbc.query("SELECT owner, COUNT(*) FROM task WHERE deleted = FALSE AND closed = TRUE AND " + OwnTasks.NOT_OWN
                + " AND ((completed_at >= ? AND completed_at < ?) OR (completed_at IS NULL AND due_date > ?"
                + " AND due_date <= ?)) GROUP BY owner", rs -> {
                    logged.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }, since, until, today.minusDays(90), today);
        jdbc.query("SELECT owner, COUNT(*) FROM event WHERE deleted = FALSE AND start_at >= ? AND start_at < ?"
                + " GROUP BY owner", rs -> {
                    logged.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }, since, until);
        Map<String, AccountSnapshot.OwnerLogging> logging = new HashMap<>();
        owned.forEach((owner, n) -> logging.put(owner, new AccountSnapshot.OwnerLogging(logged.getOrDefault(owner, 0),
                n)));
        return new Portfolio(key, logging, replies(jdbc, today, settings));
    }

    /**
     * Each user's emails over the baseline window (whole UTC days up to today): those with an inbound direction
     * or a reply's subject prefix are replies logged, the rest were sent.
     */
    private static Map<String, AccountSnapshot.ReplyLogging> replies(JdbcTemplate jdbc, LocalDate today,
            Settings settings) {
        List<Object> args = new ArrayList<>();
        StringBuilder reply = new StringBuilder("direction = 'INBOUND'");
        for (String prefix : settings.inboundPrefixes()) {
            reply.append(" OR (direction IS NULL AND LOWER(subject) LIKE ? ESCAPE '!')");
            args.add(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        args.add(AssessmentStore.time(today.minusDays(settings.baselineDays() - 1).atStartOfDay(ZoneOffset.UTC)
                .toInstant()));
        args.add(AssessmentStore.time(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        args.add(today.minusDays(settings.baselineDays()));
        args.add(today);
        Map<String, AccountSnapshot.ReplyLogging> out = new HashMap<>();
        jdbc.query("SELECT owner, COUNT(*), SUM(CASE WHEN " + reply + " THEN 1 ELSE 0 END) FROM task"
                + " WHERE deleted = FALSE AND closed = TRUE AND kind = 'EMAIL' AND " + OwnTasks.NOT_OWN
                + " AND ((completed_at >= ? AND completed_at < ?) OR (completed_at IS NULL AND due_date > ?"
                + " AND due_date <= ?)) GROUP BY owner", rs -> {
                    int replies = rs.getInt(3);
                    out.put(rs.getString(1), new AccountSnapshot.ReplyLogging(rs.getInt(2) - replies, replies));
                }, args.toArray());
        return out;
    }
}
