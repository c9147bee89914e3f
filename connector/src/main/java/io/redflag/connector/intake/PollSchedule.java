package io.redflag.connector.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * When each object is polled next. The org's daily API allocation is shared by every integration, so an
 * object's interval doubles after each poll that finds nothing new, from the minimum up to the maximum, and
 * snaps back to the minimum when a poll finds a change or a push source says the object changed. Objects a
 * push source covers are only reconciled, at their own interval. getDeleted follows the same rhythm (never
 * more often than its own interval). When the calls these intervals would make in a day pass the ceiling
 * for Redflag's reads (a share of the allocation LimitInfoHeader reports, or a fixed number), every interval
 * is stretched by the same factor instead of any call failing. Thread-safe; the clock decides what is due.
 */
public final class PollSchedule {
    private static final Duration DAY = Duration.ofDays(1);

    /**
     * @param minInterval        the interval after a change, and the first one
     * @param maxInterval        the longest interval an idle object backs off to
     * @param reconcileInterval  the interval of objects a push source covers
     * @param deletionCheckEvery the shortest interval between two getDeleted calls of an object
     * @param ceilingShare       the share of the org's daily allocation Redflag's polls may project to use
     * @param ceilingCalls       a fixed daily ceiling instead of the share (0: use the share)
     */
    public record Settings(Duration minInterval, Duration maxInterval, Duration reconcileInterval,
            Duration deletionCheckEvery, double ceilingShare, long ceilingCalls) {
    }

    /**
     * One object's rhythm now.
     *
     * @param interval the interval its recent polls earned
     * @param effective the interval after the ceiling's stretch: what the schedule keeps
     * @param nextDue  when it is polled next (now or earlier: due)
     */
    public record ObjectPlan(String entity, boolean pushCovered, Duration interval, Duration effective,
            Instant nextDue, Duration deletionCheckEvery) {
    }

    private static final class Rhythm {
        Duration interval;
        Instant lastPolled;
        boolean nudged;
        boolean pushCovered;
        /** The covering push source's own reconciliation interval, or null: the settings' one. */
        Duration reconcile;
    }

    private final Settings settings;
    private final Clock clock;
    private final LongSupplier dailyAllocation;
    private final Set<String> deletable;
    private final Map<String, String> parents;
    private final Map<String, Rhythm> rhythms = new LinkedHashMap<>();
    private final DailyCalls calls = new DailyCalls();

    /**
     * @param entities        what is polled, in the model's order
     * @param deletable       the entities that also get getDeleted calls
     * @param parents         entities whose rows only appear when another changes (history → its parent):
     *                        covered and nudged with it
     * @param dailyAllocation the org's daily API allocation as last reported (0 or less: not known yet)
     */
    public PollSchedule(Collection<String> entities, Set<String> deletable, Map<String, String> parents,
            Settings settings, Clock clock, LongSupplier dailyAllocation) {
        this.settings = settings;
        this.parents = Map.copyOf(parents);
        this.clock = clock;
        this.dailyAllocation = dailyAllocation;
        this.deletable = Set.copyOf(deletable);
        for (String entity : entities) {
            Rhythm r = new Rhythm();
            r.interval = settings.minInterval();
            rhythms.put(entity, r);
        }
    }

    /** The entities due now, in the model's order. */
    public synchronized List<String> due() {
        Instant now = clock.instant();
        double stretch = stretch();
        List<String> due = new ArrayList<>();
        rhythms.forEach((entity, r) -> {
            if (!nextDue(r, stretch).isAfter(now)) {
                due.add(entity);
            }
        });
        return due;
    }

    /** After a poll of the object: a change snaps its interval back, nothing new doubles it. */
    public synchronized void polled(String entity, boolean sawChanges, int calls) {
        Rhythm r = rhythm(entity);
        Instant now = clock.instant();
        r.lastPolled = now;
        r.nudged = false;
        r.interval = sawChanges ? settings.minInterval() : min(r.interval.multipliedBy(2), settings.maxInterval());
        this.calls.add(now, calls);
    }

    /** After a failed poll: tried again after the minimum interval, its earned interval kept. */
    public synchronized void failed(String entity) {
        Rhythm r = rhythm(entity);
        r.nudged = false;
        Duration effective = effective(r, stretch());
        r.lastPolled = clock.instant().minus(effective).plus(settings.minInterval());
    }

    /** A push source says the object changed, or may have (records it cannot carry): poll it at once. */
    public synchronized void nudge(String entity) {
        for (String e : withFollowers(List.of(entity))) {
            Rhythm r = rhythms.get(e);
            if (r != null) {
                r.nudged = true;
                r.interval = settings.minInterval();
            }
        }
    }

    /**
     * A push source stored changes of the object: objects that follow it (its history rows) may have changed
     * too and are polled at once; the object itself needs no poll.
     */
    public synchronized void pushed(String entity) {
        parents.forEach((child, parent) -> {
            if (parent.equals(entity)) {
                nudge(child);
            }
        });
    }

    /** Objects a push source covers (only reconciled) or no longer covers (polled again). */
    public synchronized void pushCovered(Collection<String> entities, boolean covered) {
        pushCovered(entities, covered, null);
    }

    /**
     * As {@link #pushCovered(Collection, boolean)}, reconciled at the push source's own interval (null: the
     * settings' reconcile interval): a durable stream that replays what it missed needs fewer reconciliations
     * than notifications that can be lost.
     */
    public synchronized void pushCovered(Collection<String> entities, boolean covered, Duration reconcileInterval) {
        for (String entity : withFollowers(entities)) {
            Rhythm r = rhythms.get(entity);
            if (r != null) {
                r.pushCovered = covered;
                r.reconcile = covered ? reconcileInterval : null;
            }
        }
    }

    private List<String> withFollowers(Collection<String> entities) {
        List<String> out = new ArrayList<>(entities);
        parents.forEach((child, parent) -> {
            if (entities.contains(parent)) {
                out.add(child);
            }
        });
        return out;
    }

    /** The shortest time between two getDeleted calls of the object now. */
    public synchronized Duration deletionCheckEvery(String entity) {
        return max(settings.deletionCheckEvery(), effective(rhythm(entity), stretch()));
    }

    /**
     * The calls a day the current intervals, stretched under the ceiling, would make while nothing changes
     * (one per poll, plus getDeleted).
     */
    public synchronized double projectedCallsPerDay() {
        return projected(stretch());
    }

    /** The daily ceiling for Redflag's polls, or 0 while the allocation is not known. */
    public synchronized long ceiling() {
        if (settings.ceilingCalls() > 0) {
            return settings.ceilingCalls();
        }
        long allocation = dailyAllocation.getAsLong();
        return allocation <= 0 ? 0 : Math.max(1, (long) (allocation * settings.ceilingShare()));
    }

    /** The factor every interval is stretched by to stay under the ceiling (1: no stretch). */
    public synchronized double stretch() {
        long ceiling = ceiling();
        double stretch = 1.0;
        // getDeleted's own interval does not stretch until the polls' passes it, so the calls fall less than in
        // proportion: stretch again by what is still over until it fits.
        for (int i = 0; i < 64 && ceiling > 0; i++) {
            double over = projected(stretch) / ceiling;
            if (over <= 1.0) {
                break;
            }
            stretch *= over * 1.0001;
        }
        return stretch;
    }

    /** The calls the polls made in the last 24 hours. */
    public synchronized long callsLastDay() {
        return calls.lastDay(clock.instant());
    }

    public synchronized Map<String, ObjectPlan> plans() {
        double stretch = stretch();
        Map<String, ObjectPlan> out = new LinkedHashMap<>();
        rhythms.forEach((entity, r) -> out.put(entity, new ObjectPlan(entity, r.pushCovered, base(r),
                effective(r, stretch), nextDue(r, stretch), max(settings.deletionCheckEvery(), effective(r, stretch)))));
        return out;
    }

    private double projected(double stretch) {
        double calls = 0;
        for (var e : rhythms.entrySet()) {
            Duration effective = effective(e.getValue(), stretch);
            calls += perDay(effective);
            if (deletable.contains(e.getKey())) {
                calls += perDay(max(settings.deletionCheckEvery(), effective));
            }
        }
        return calls;
    }

    private static double perDay(Duration interval) {
        return (double) DAY.toMillis() / Math.max(1, interval.toMillis());
    }

    private Duration base(Rhythm r) {
        return r.pushCovered ? (r.reconcile != null ? r.reconcile : settings.reconcileInterval()) : r.interval;
    }

    private Duration effective(Rhythm r, double stretch) {
        Duration base = base(r);
        return stretch <= 1.0 ? base : Duration.ofMillis((long) Math.ceil(base.toMillis() * stretch));
    }

    private Instant nextDue(Rhythm r, double stretch) {
        if (r.lastPolled == null || r.nudged) {
            return r.lastPolled == null ? Instant.MIN : clock.instant();
        }
        return r.lastPolled.plus(effective(r, stretch));
    }

    private Rhythm rhythm(String entity) {
        Rhythm r = rhythms.get(entity);
        if (r == null) {
            throw new IllegalArgumentException("no entity " + entity + " is polled");
        }
        return r;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
