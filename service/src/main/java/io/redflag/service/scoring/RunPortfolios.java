package io.redflag.service.scoring;

import io.redflag.service.store.DirtyAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The portfolio each scoring run scores against. Reading it aggregates the whole book (every account's won revenue,
 * every owner's logged activity: seconds on a large org), so a run over a few changed accounts reuses the one read
 * within {@link #KEPT} on the same day with the same settings; a run over every account reads it again. When a new
 * read moves accounts in or out of the key set, those accounts are queued: scored again in the next run. One
 * scoring run at a time calls this.
 */
final class RunPortfolios {
    /** How long a run over a few accounts may reuse the portfolio an earlier run read. */
    static final Duration KEPT = Duration.ofMinutes(15);
    private final DataSource dataSource;
    private final DirtyAccounts dirty;
    private Portfolio portfolio;
    private Instant readAt;
    private Portfolio.Settings settings;

    RunPortfolios(DataSource dataSource, DirtyAccounts dirty) {
        this.dataSource = dataSource;
        this.dirty = dirty;
    }

    Portfolio forRun(Instant asOf, boolean everyAccount, Portfolio.Settings wanted) {
        boolean reuse = portfolio != null && !everyAccount && wanted.equals(settings)
                && readAt.isAfter(asOf.minus(KEPT))
                && LocalDate.ofInstant(readAt, ZoneOffset.UTC).equals(LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        if (reuse) {
            return portfolio;
        }
        Portfolio read = Portfolio.read(dataSource, asOf, wanted);
        if (portfolio != null && !everyAccount) {
            Set<String> moved = new HashSet<>(read.keyAccounts);
            moved.addAll(portfolio.keyAccounts);
            moved.removeIf(id -> read.keyAccounts.contains(id) && portfolio.keyAccounts.contains(id));
            dirty.queue(moved, asOf);
        }
        portfolio = read;
        readAt = asOf;
        settings = wanted;
        return read;
    }
}
