package io.redflag.service.backtest;

import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.FollowUpPlanner;
import io.redflag.domain.scoring.Level;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.scoring.ActiveScorecard;
import io.redflag.service.scoring.PresentView;
import io.redflag.service.scoring.StoredFollowUps;
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
import java.util.TreeSet;

/**
 * What a candidate scorecard would do, before anyone applies it: the scorecard in force and the candidate
 * replayed side by side over every stored account as of now, by the backtest's engine ({@link Replay#now}: the
 * accounts as a scoring run sees them, the same snapshot for both, so only the scorecard differs), compared: which accounts change level, how many follow-up
 * tasks each owner would get, which signals fire on more or fewer accounts. Nothing is written: no assessment, no
 * outbox entry, no follow-up, no CRM call (follow-ups are planned on the store's facts, as the scoring runs'
 * pre-filter does).
 */
public final class DryRun {
    /** Follow-ups are planned per this many accounts, as a scoring run plans them per batch. */
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

    private final Replay replay;
    private final PresentView.Reader present;
    private final ActiveScorecard scorecards;
    private final StoredFollowUps followUps;
    private final Clock clock;

    public DryRun(Replay replay, PresentView.Reader present, ActiveScorecard scorecards, StoredFollowUps followUps,
            Clock clock) {
        this.replay = replay;
        this.present = present;
        this.scorecards = scorecards;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** One side of the comparison: a scorecard, its follow-up plan and what it found. */
    private final class Side {
        final Scorecard scorecard;
        final FollowUpPlanner planner;
        final FollowUpPlanner.Existing existing = followUps.existingEverywhere();
        final Map<Level, Integer> levels = new EnumMap<>(Level.class);
        final Map<String, Integer> signals = new HashMap<>();
        final Map<String, Integer> tasks = new HashMap<>();
        final List<Assessment> waiting = new ArrayList<>();

        Side(Scorecard scorecard) {
            this.scorecard = scorecard;
            this.planner = new FollowUpPlanner(scorecard.config());
        }

        void count(Assessment a) {
            levels.merge(a.level(), 1, Integer::sum);
            a.risks().stream().map(f -> f.key()).distinct().forEach(s -> signals.merge(s, 1, Integer::sum));
            waiting.add(a);
        }

        /** Plans the waiting accounts' follow-ups; later batches see them, as the weekly cap counts across a run. */
        void plan(Map<String, String> names, Map<String, CrmUser> owners, Map<String, CrmUser> managers,
                Instant asOf) {
            for (FollowUp u : planner.plan(waiting, names, owners, managers, existing, asOf).tasks()) {
                tasks.merge(u.assigneeId(), 1, Integer::sum);
                existing.openKeys().add(u.key());
                existing.createdThisWeek().merge(u.assigneeId(), 1, Integer::sum);
            }
            waiting.clear();
        }
    }

    public Result run(ScorecardConfig candidate) {
        long started = System.nanoTime();
        Instant asOf = clock.instant();
        Side inForce = new Side(scorecards.current());
        Side other = new Side(new Scorecard(candidate));
        List<LevelChange> changes = new ArrayList<>();
        Map<String, String> ownerNames = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, CrmUser> owners = new HashMap<>();
        Map<String, CrmUser> managers = new HashMap<>();
        int[] accounts = {0};
        Runnable plan = () -> {
            inForce.plan(names, owners, managers, asOf);
            other.plan(names, owners, managers, asOf);
            names.clear();
            owners.clear();
        };
        // Each side's book-wide facts as a run with its scorecard reads them (they differ only when the candidate
        // changes the activity baseline, over which reply logging is measured).
        PresentView inForceView = present.read(inForce.scorecard.config(), asOf);
        PresentView candidateView = present.sameBook(inForce.scorecard.config(), candidate) ? inForceView
                : present.read(candidate, asOf);
        replay.now(List.of(inForce.scorecard, other.scorecard), List.of(inForceView, candidateView), asOf, seen -> {
            var account = seen.then().account();
            Assessment a = seen.assessments().get(0);
            Assessment b = seen.assessments().get(1);
            inForce.count(a);
            other.count(b);
            accounts[0]++;
            names.put(account.id(), account.name());
            CrmUser owner = seen.owner();
            if (owner != null) {
                owners.put(account.id(), owner);
                ownerNames.put(owner.id(), owner.name());
                CrmUser manager = inForceView.managerOfInactive(owner);
                if (manager != null) {
                    managers.put(manager.id(), manager);
                    ownerNames.put(manager.id(), manager.name());
                }
            }
            if (a.level() != b.level()) {
                changes.add(new LevelChange(account.id(), account.name(), account.ownerId(), a.level(), b.level(),
                        a.score(), b.score(), b.keyAccount()));
            }
            if (inForce.waiting.size() == BATCH) {
                plan.run();
            }
        });
        plan.run();
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
        return new Result(inForce.scorecard.config().version(), candidate.version(), asOf, accounts[0],
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
        var keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return List.copyOf(keys);
    }
}
