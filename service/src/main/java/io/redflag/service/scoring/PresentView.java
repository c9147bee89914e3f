package io.redflag.service.scoring;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.ScorecardConfig;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Accounts as a scoring run sees them now: the same snapshots over the same book-wide facts (key accounts,
 * owners' logging, reply logging) read from the store at the moment. What the dry run replays a candidate on, so
 * that it predicts what applying the candidate gives.
 */
public final class PresentView {
    private final Snapshots snapshots;
    private final Portfolio portfolio;

    private PresentView(Snapshots snapshots, Portfolio portfolio) {
        this.snapshots = snapshots;
        this.portfolio = portfolio;
    }

    /** Reads the book-wide facts now, as a run with this scorecard reads them. */
    public static final class Reader {
        private final DataSource dataSource;
        private final Snapshots snapshots;

        Reader(DataSource dataSource, Snapshots snapshots) {
            this.dataSource = dataSource;
            this.snapshots = snapshots;
        }

        /** Whether runs with these two scorecards read the same book-wide facts. */
        public boolean sameBook(ScorecardConfig one, ScorecardConfig other) {
            return snapshots.portfolioSettings(one).equals(snapshots.portfolioSettings(other));
        }

        public PresentView read(ScorecardConfig scorecard, Instant now) {
            return new PresentView(snapshots, Portfolio.read(dataSource, now, snapshots.portfolioSettings(scorecard)));
        }
    }

    public CrmUser owner(StoredAccount account) {
        return snapshots.owner(account);
    }

    /** The inactive owner's manager, who gets the owner's follow-ups; null when there is none to ask. */
    public CrmUser managerOfInactive(CrmUser owner) {
        return snapshots.managerOfInactive(owner);
    }

    public AccountSnapshot snapshot(StoredAccount account, CrmUser owner) {
        return snapshots.of(account, owner, portfolio);
    }
}
