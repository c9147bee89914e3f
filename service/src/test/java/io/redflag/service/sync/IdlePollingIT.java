package io.redflag.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.EmulatorConfig;
import io.redflag.service.TestClock;
import io.redflag.service.store.Databases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import io.redflag.emulator.store.WriteContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an idle org costs in API calls a day with the default settings, counted by the org itself over a
 * simulated day after the first sync: polling alone, and with Outbound Messages covering every object they
 * can (polls only reconcile). And a change after a long idle spell is seen within the backed-off interval.
 */
class IdlePollingIT {
    private static final Path MAPPING = Path.of("../mappings/salesforce.yaml");
    /** Every object a record-triggered Flow can send an Outbound Message for; history rows follow their parent. */
    private static final List<String> PUSHED = List.of("user", "account", "contact", "contactRole", "opportunity",
            "task", "event", "supportCase");

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    private static IdleDay demo() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-06-30T12:00:00Z"));
        return new IdleDay(clock, EmulatorConfig.defaults().withClock(clock).withDemoOrg(), Databases.fresh("h2"),
                MAPPING);
    }

    @Test
    void pollingAloneCostsAtMostFifteenHundredCallsAnIdleDay() throws Exception {
        try (IdleDay day = demo()) {
            day.run(Duration.ofHours(2)); // the first sync, then the intervals back off
            long calls = day.run(Duration.ofDays(1));
            // 10 objects every 15 minutes (960) and getDeleted of 7 objects every 6 hours (28).
            assertThat(calls).isEqualTo(988);
            assertThat(day.schedule.callsLastDay()).isEqualTo(calls);
        }
    }

    @Test
    void withOutboundMessagesPollsOnlyReconcileAndCostAtMostThreeHundredCallsAnIdleDay() throws Exception {
        try (IdleDay day = demo()) {
            day.pushCovered(PUSHED);
            day.run(Duration.ofHours(2));
            long calls = day.run(Duration.ofDays(1));
            // 10 objects hourly (240) and getDeleted of 7 objects every 6 hours (28).
            assertThat(calls).isEqualTo(268);
        }
    }

    @Test
    void aChangeAfterALongIdleSpellIsStoredWithinTheBackedOffIntervalAndSnapsItBack() throws Exception {
        try (IdleDay day = demo()) {
            day.run(Duration.ofHours(6));
            assertThat(day.schedule.plans().get("contact").interval()).isEqualTo(Duration.ofMinutes(15));
            var org = day.emulator.store();
            String contact = org.snapshot(org.schema().find("Contact"), false).get(0).id();
            org.update(contact, Map.of("Title", "Chief Revenue Officer"), Set.of(),
                    WriteContext.api(day.emulator.runAsUserId()));
            int minutes = 0;
            while (!"Chief Revenue Officer".equals(day.store.row("contact", contact).get("title")) && minutes < 30) {
                day.run(Duration.ofMinutes(1));
                minutes++;
            }
            assertThat(minutes).as("minutes until stored").isBetween(1, 15);
            assertThat(day.schedule.plans().get("contact").interval()).isEqualTo(Duration.ofMinutes(1));
        }
    }
}
