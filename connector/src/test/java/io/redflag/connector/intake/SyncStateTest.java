package io.redflag.connector.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncStateTest {
    private final MovingClock clock = new MovingClock();
    private final SyncState state = new SyncState(clock);

    @Test
    void anObjectsStateFollowsItsFullReadItsSuccessAndItsFailure() {
        Instant t0 = clock.instant();
        assertThat(state.objects()).isEmpty();
        assertThat(state.lag("Task")).isNull();

        state.progress("Task", 0, 400);
        assertThat(state.objects().get("Task")).isEqualTo(new SyncState.ObjectState("Task", null, null, 0, 400,
                null, null));
        assertThat(state.objects().get("Task").progress()).isEqualTo(0.0);
        state.progress("Task", 100, 400);
        assertThat(state.objects().get("Task").progress()).isEqualTo(0.25);

        Instant mark = Instant.parse("2026-06-30T11:00:00Z");
        state.succeeded("Task", mark);
        assertThat(state.objects().get("Task")).isEqualTo(new SyncState.ObjectState("Task", mark, t0, 100, 400,
                null, null));
        clock.advance(Duration.ofSeconds(90));
        assertThat(state.lag("Task")).isEqualTo(Duration.ofSeconds(90));

        state.failed("Task", "CRM read queryAll:Task failed: SERVER_UNAVAILABLE");
        Instant failedAt = clock.instant();
        assertThat(state.objects().get("Task")).isEqualTo(new SyncState.ObjectState("Task", mark, t0, 100, 400,
                "CRM read queryAll:Task failed: SERVER_UNAVAILABLE", failedAt));
        assertThat(state.lag("Task")).as("lag counts from the last read that reached the end")
                .isEqualTo(Duration.ofSeconds(90));

        state.succeeded("Task", mark.plusSeconds(60));
        assertThat(state.objects().get("Task").lastError()).isNull();
        assertThat(state.objects().get("Task").lastErrorAt()).isNull();
        assertThat(state.lag("Task")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aFailureBeforeAnySuccessIsKeptAndAProgressAfterItKeepsIt() {
        state.failed("Event", "boom");
        assertThat(state.objects().get("Event")).isEqualTo(new SyncState.ObjectState("Event", null, null, 0, -1, "boom",
                clock.instant()));
        state.progress("Event", 10, 20);
        assertThat(state.objects().get("Event")).isEqualTo(new SyncState.ObjectState("Event", null, null, 10, 20,
                "boom", clock.instant()));
        assertThat(state.objects().get("Event").progress()).isEqualTo(0.5);
        assertThat(new SyncState.ObjectState("X", null, null, 5, -1, null, null).progress()).isEqualTo(1.0);
        assertThat(new SyncState.ObjectState("X", null, null, 30, 20, null, null).progress()).isEqualTo(1.0);
        state.succeeded("Contact", null);
        assertThat(state.objects().get("Contact")).isEqualTo(new SyncState.ObjectState("Contact", null,
                clock.instant(), 0, -1, null, null));
        assertThat(state.objects().keySet()).containsExactly("Contact", "Event");
    }

    @Test
    void cyclesPausesAndTheLastCyclesErrorAreKept() {
        assertThat(state.cycles()).isZero();
        assertThat(state.lastCycleAt()).isNull();
        assertThat(state.paused()).isFalse();
        state.cycleEnded("first object failed");
        assertThat(state.cycles()).isEqualTo(1);
        assertThat(state.lastCycleError()).isEqualTo("first object failed");
        assertThat(state.lastCycleAt()).isEqualTo(clock.instant());
        state.cycleEnded(null);
        assertThat(state.cycles()).isEqualTo(2);
        assertThat(state.lastCycleError()).isNull();
        state.paused(true);
        assertThat(state.paused()).isTrue();
    }

    @Test
    void aFullReadsProgressIsReportedToTheStateAtEveryPage() {
        SyncProgress progress = new SyncProgress("Task", 1000, clock, state);
        assertThat(state.objects().get("Task").total()).isEqualTo(1000);
        progress.report(200);
        clock.advance(Duration.ofSeconds(1));
        progress.report(400);
        assertThat(state.objects().get("Task").done()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(10));
        progress.report(1000);
        assertThat(state.objects().get("Task").progress()).isEqualTo(1.0);
    }
}
