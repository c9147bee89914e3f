package io.redflag.service.scoring;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.FollowUpPlanner;
import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.ScorecardConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a candidate scorecard would do, before anyone applies it: every stored account scored now by the
 * scorecard in force and by the candidate, on the same inputs (the same store reader and snapshots as the
 * scoring runs, so only the scorecard differs), compared: which accounts change level, how many follow-up tasks
 * each owner would get, which signals fire on more or fewer accounts. Nothing is written: no assessment, no
 * outbox entry, no follow-up, no CRM call (follow-ups are planned on the store's facts, the scoring runs'
 * pre-filter, see {@link FollowUpRound}).
 */
public final class DryRun {
    private static final int BATCH = 500;

    /** An account whose level the candidate changes. */
    public record LevelChange(String accountId, String name, String ownerId, Level from, Level to, int scoreFrom,
            int scoreTo, boolean keyAccount) {
    }

    /** Follow-up tasks one assignee would be given by this run, in force and with the candidate. */
    public record OwnerTasks(String ownerId, String ownerName, int inForce, int candidate) {
    }

    /** On how many accounts a signal counts as a risk, in force and with the candidate. */
    public record SignalCount(String signal, int inForce, int candidate) {
        public int change() {
            return candidate - inForce;
        }
    }

    /**
     * @param changes level changes, the largest moves first (key accounts before others at equal moves)
     * @param levels  accounts per level, in force and with the candidate ({@code [inForce, candidate]})
     */
    public record Result(String inForceVersion, String candidateVersion, Instant asOf, int accounts,
            List<LevelChange> changes, Map<Level, int[]> levels, List<OwnerTasks> tasks, List<SignalCount> signals,
            Duration took) {
    }

    private final DataSource dataSource;
    private final StoreReader reader;
    private final ActiveScorecard scorecards;
    private final Snapshots snapshots;
    private final FollowUpLedger ledger;
    private final Clock clock;

    DryRun(DataSource dataSource, StoreReader reader, ActiveScorecard scorecards, Snapshots snapshots,
            FollowUpLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.reader = reader;
        this.scorecards = scorecards;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One side of the comparison: a scorecard, its portfolio, its follow-up plan and what it found. */
    private final class Side {
        final Scorecard scorecard;
        final Portfolio portfolio;
        final FollowUpPlanner planner;
        final FollowUpPlanner.Existing existing = ledger.existingEverywhere();
        final Map<Level, Integer> levels = new EnumMap<>(Level.class);
        final Map<String, Integer> signals = new HashMap<>();
        final Map<String, Integer> tasks = new HashMap<>();

        Side(Scorecard scorecard, Instant asOf, Portfolio shared) {
            this.scorecard = scorecard;
            Portfolio.Settings settings = snapshots.portfolioSettings(scorecard.config());
            this.portfolio = shared != null && settings.equals(snapshots.portfolioSettings(
                    scorecards.current().config())) ? shared : Portfolio.read(dataSource, asOf, settings);
            this.planner = new FollowUpPlanner(scorecard.config());
        }

        Assessment assess(StoredAccount one, CrmUser owner, Instant asOf) {
            Assessment a = scorecard.assess(snapshots.of(one, owner, portfolio), asOf);
            levels.merge(a.level(), 1, Integer::sum);
            a.risks().stream().map(f -> f.key()).distinct().forEach(s -> signals.merge(s, 1, Integer::sum));
            return a;
        }

        /** Plans this batch's follow-ups; later batches see them, as the weekly cap counts across a run. */
        void plan(List<Assessment> done, Map<String, String> names, Map<String, CrmUser> owners,
                Map<String, CrmUser> managers, Instant asOf) {
            for (FollowUp u : planner.plan(done, names, owners, managers, existing, asOf).tasks()) {
                tasks.merge(u.assigneeId(), 1, Integer::sum);
                existing.openKeys().add(u.key());
                existing.createdThisWeek().merge(u.assigneeId(), 1, Integer::sum);
            }
        }
    }

    public Result run(ScorecardConfig candidate) {
        long started = System.nanoTime();
        Instant asOf = clock.instant();
        Side inForce = new Side(scorecards.current(), asOf, null);
        Side other = new Side(new Scorecard(candidate), asOf, inForce.portfolio);
        List<LevelChange> changes = new ArrayList<>();
        Map<String, String> ownerNames = new HashMap<>();
        List<String> ids = reader.accountIds();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Assessment> before = new ArrayList<>();
            List<Assessment> after = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, CrmUser> owners = new HashMap<>();
            Map<String, CrmUser> managers = new HashMap<>();
            for (StoredAccount one : reader.readRange(batch.get(0), batch.get(batch.size() - 1))) {
                var account = one.account();
                CrmUser owner = snapshots.owner(one);
                Assessment a = inForce.assess(one, owner, asOf);
                Assessment b = other.assess(one, owner, asOf);
                before.add(a);
                after.add(b);
                names.put(account.id(), account.name());
                if (owner != null) {
                    owners.put(account.id(), owner);
                    ownerNames.put(owner.id(), owner.name());
                    CrmUser manager = snapshots.managerOfInactive(owner);
                    if (manager != null) {
                        managers.put(manager.id(), manager);
                        ownerNames.put(manager.id(), manager.name());
                    }
                }
                if (a.level() != b.level()) {
                    changes.add(new LevelChange(account.id(), account.name(), account.ownerId(), a.level(), b.level(),
                            a.score(), b.score(), b.keyAccount()));
                }
            }
            inForce.plan(before, names, owners, managers, asOf);
            other.plan(after, names, owners, managers, asOf);
        }
        changes.sort(Comparator.comparingInt((LevelChange c) -> -Math.abs(rank(c.to()) - rank(c.from())))
                .thenComparing(c -> !c.keyAccount()).thenComparing(LevelChange::name,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(LevelChange::accountId));
        Map<Level, int[]> levels = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            levels.put(l, new int[] {inForce.levels.getOrDefault(l, 0), other.levels.getOrDefault(l, 0)});
        }
        Map<String, OwnerTasks> tasks = new TreeMap<>();
        for (String owner : union(inForce.tasks, other.tasks)) {
            tasks.put(owner, new OwnerTasks(owner, ownerNames.getOrDefault(owner, owner),
                    inForce.tasks.getOrDefault(owner, 0), other.tasks.getOrDefault(owner, 0)));
        }
        List<SignalCount> signals = new ArrayList<>();
        for (String s : union(inForce.signals, other.signals)) {
            signals.add(new SignalCount(s, inForce.signals.getOrDefault(s, 0), other.signals.getOrDefault(s, 0)));
        }
        signals.sort(Comparator.comparingInt((SignalCount s) -> -Math.abs(s.change()))
                .thenComparing(SignalCount::signal));
        List<OwnerTasks> byOwner = new ArrayList<>(tasks.values());
        byOwner.sort(Comparator.comparingInt((OwnerTasks t) -> -Math.max(t.inForce(), t.candidate()))
                .thenComparing(OwnerTasks::ownerName));
        return new Result(inForce.scorecard.config().version(), candidate.version(), asOf, ids.size(),
                changes, levels, byOwner, signals, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Healthy 0 to Critical 3; Unknown sits with Watch: not healthy, not known to be at risk. */
    static int rank(Level level) {
        return switch (level) {
            case HEALTHY -> 0;
            case WATCH, UNKNOWN -> 1;
            case AT_RISK -> 2;
            case CRITICAL -> 3;
        };
    }

    private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        var keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return List.copyOf(keys);
    }
}
