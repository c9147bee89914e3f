package io.redflag.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final List<String> ENTITIES = List.of("user", "account", "accountHistory", "contact",
            "contactRole", "opportunity", "opportunityHistory", "task", "event", "supportCase");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final PollSchedule.Settings DEFAULTS = new PollSchedule.Settings(MINUTE, Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), 0.02, 0);

    private final MovingClock clock = new MovingClock();
    /** Settings whose ceiling is never reached, for the rhythm alone. */
    private static final PollSchedule.Settings NO_CEILING = new PollSchedule.Settings(MINUTE, Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), 0.02, Long.MAX_VALUE);

    private PollSchedule schedule(PollSchedule.Settings settings, long allocation) {
        return new PollSchedule(ENTITIES, DeletionCheck.DELETABLE, Map.of("accountHistory", "account",
                "opportunityHistory", "opportunity"), settings, clock, () -> allocation);
    }

    /** Polls whatever is due each simulated minute for {@code hours}; returns the polls of the last hour. */
    private List<String> runIdle(PollSchedule schedule, int hours) {
        List<String> lastHour = new ArrayList<>();
        for (int minute = 0; minute < hours * 60; minute++) {
            for (String entity : schedule.due()) {
                schedule.polled(entity, false, 1);
                if (minute >= (hours - 1) * 60) {
                    lastHour.add(entity);
                }
            }
            clock.advance(MINUTE);
        }
        return lastHour;
    }

    @Test
    void anIdleObjectsIntervalDoublesUpToTheMaximumAndAChangeBringsItBack() {
        PollSchedule schedule = schedule(NO_CEILING, 100_000);
        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            schedule.polled("task", false, 1);
            intervals.add(schedule.plans().get("task").interval().toMinutes());
        }
        assertThat(intervals).containsExactly(2L, 4L, 8L, 15L, 15L, 15L);
        schedule.polled("task", true, 3);
        assertThat(schedule.plans().get("task").effective()).isEqualTo(MINUTE);
    }

    @Test
    void everyObjectIsDueAtFirstAndThenAfterItsInterval() {
        PollSchedule schedule = schedule(NO_CEILING, 100_000);
        assertThat(schedule.due()).containsExactlyElementsOf(ENTITIES);
        ENTITIES.forEach(e -> schedule.polled(e, false, 1));
        assertThat(schedule.due()).isEmpty();
        clock.advance(Duration.ofSeconds(119));
        assertThat(schedule.due()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(schedule.due()).containsExactlyElementsOf(ENTITIES);
    }

    @Test
    void anIdleOrgIsPolledFourTimesAnHourPerObjectOnceBackedOff() {
        PollSchedule schedule = schedule(DEFAULTS, 100_000);
        List<String> lastHour = runIdle(schedule, 24);
        assertThat(lastHour).hasSize(ENTITIES.size() * 4);
        // 10 objects every 15 minutes, and getDeleted of the 7 deletable ones every 6 hours.
        assertThat(schedule.projectedCallsPerDay()).isEqualTo(10 * 96 + 7 * 4);
        assertThat(schedule.stretch()).isEqualTo(1.0);
    }

    @Test
    void objectsAPushSourceCoversAndTheirHistoryAreOnlyReconciledHourly() {
        PollSchedule schedule = schedule(DEFAULTS, 100_000);
        schedule.pushCovered(List.of("user", "account", "contact", "contactRole", "opportunity", "task", "event",
                "supportCase"), true);
        List<String> lastHour = runIdle(schedule, 24);
        assertThat(lastHour).containsExactlyInAnyOrderElementsOf(ENTITIES);
        assertThat(schedule.plans().get("accountHistory").pushCovered()).isTrue();
        assertThat(schedule.projectedCallsPerDay()).isEqualTo(10 * 24 + 7 * 4);
    }

    @Test
    void aChangeStreamReconcilesItsObjectsAtItsOwnIntervalAndWhenItGoesDownTheyArePolledOnTheirRhythmAgain() {
        PollSchedule schedule = schedule(DEFAULTS, 100_000);
        List<String> streamed = List.of("user", "account", "contact", "contactRole", "opportunity", "task", "event",
                "supportCase");
        schedule.pushCovered(streamed, true, Duration.ofHours(6));
        runIdle(schedule, 24);
        assertThat(schedule.plans().get("accountHistory").effective()).isEqualTo(Duration.ofHours(6));
        // Ten objects every 6 h, and getDeleted of seven every 6 h: the idle day of an org with the stream up.
        assertThat(schedule.projectedCallsPerDay()).isEqualTo(10 * 4 + 7 * 4);
        schedule.pushCovered(streamed, false, Duration.ofHours(6));
        assertThat(schedule.plans().get("account").effective()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aPushOfAParentPollsItsHistoryAtOnceButNotItself() {
        PollSchedule schedule = schedule(NO_CEILING, 100_000);
        schedule.pushCovered(List.of("account", "opportunity"), true);
        ENTITIES.forEach(e -> schedule.polled(e, false, 1));
        schedule.pushed("account");
        assertThat(schedule.due()).containsExactly("accountHistory");
        schedule.polled("accountHistory", true, 1);
        assertThat(schedule.due()).isEmpty();
    }

    @Test
    void aFailedPollIsTriedAgainAfterTheMinimumIntervalKeepingWhatItEarned() {
        PollSchedule schedule = schedule(NO_CEILING, 100_000);
        for (int i = 0; i < 4; i++) {
            schedule.polled("event", false, 1);
        }
        schedule.failed("event");
        assertThat(schedule.plans().get("event").interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(schedule.plans().get("event").nextDue()).isEqualTo(clock.instant().plus(MINUTE));
    }

    @Test
    void aCeilingBelowWhatTheIntervalsWouldCostStretchesEveryIntervalInsteadOfFailing() {
        // A Developer Edition: 15,000 calls a day, 2 % of it = 300 for Redflag's polls.
        PollSchedule schedule = schedule(DEFAULTS, 15_000);
        assertThat(schedule.ceiling()).isEqualTo(300);
        runIdle(schedule, 48);
        double stretch = schedule.stretch();
        assertThat(stretch).isGreaterThan(1.0);
        double atStretch = 0;
        for (var plan : schedule.plans().values()) {
            atStretch += 86_400_000.0 / plan.effective().toMillis();
            if (DeletionCheck.DELETABLE.contains(plan.entity())) {
                atStretch += 86_400_000.0 / plan.deletionCheckEvery().toMillis();
            }
        }
        assertThat(atStretch).isLessThanOrEqualTo(300.0).isGreaterThan(290.0);
    }

    @Test
    void aFixedCeilingWinsOverTheShareAndAnUnknownAllocationStretchesNothing() {
        assertThat(schedule(new PollSchedule.Settings(MINUTE, Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(6), 0.02, 700), 100_000).ceiling()).isEqualTo(700);
        PollSchedule unknown = schedule(DEFAULTS, 0);
        assertThat(unknown.ceiling()).isZero();
        assertThat(unknown.stretch()).isEqualTo(1.0);
    }

    @Test
    void theCallsOfTheLastDayAreCountedAndOlderOnesForgotten() {
        PollSchedule schedule = schedule(DEFAULTS, 100_000);
        schedule.polled("task", true, 5);
        clock.advance(Duration.ofHours(23));
        schedule.polled("task", false, 2);
        assertThat(schedule.callsLastDay()).isEqualTo(7);
        clock.advance(Duration.ofHours(2));
        assertThat(schedule.callsLastDay()).isEqualTo(2);
        assertThat(Set.copyOf(schedule.due())).contains("task");
    }
}
