package io.redflag.emulator.wsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUpdatedResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.MutableClock;
import io.redflag.emulator.store.WriteContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicationIT {
    private MutableClock clock;
    private Emulator emulator;
    private PartnerConnection conn;
    private Seed seed;

    @BeforeEach
    void start() {
        clock = MutableClock.at("2026-06-30T12:00:00Z");
        emulator = Emulator.start(EmulatorConfig.defaults().withClock(clock));
        conn = Wsc.connect(emulator);
        seed = new Seed(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static Calendar utc(Instant instant) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }

    @Test
    void getUpdatedListsRecordsChangedInTheWindowAndCoversUpToTheMinute() throws Exception {
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        String a = seed.create("Account", "Name", "Changed");
        clock.advance(Duration.ofMinutes(2).plusSeconds(30));
        String b = seed.create("Account", "Name", "Too late");
        GetUpdatedResult r = conn.getUpdated("Account", utc(start), utc(start.plus(Duration.ofMinutes(3))));
        assertThat(r.getIds()).containsExactly(a);
        assertThat(r.getLatestDateCovered().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(3)));

        GetUpdatedResult capped = conn.getUpdated("Account", utc(start), utc(start.plus(Duration.ofHours(1))));
        assertThat(capped.getLatestDateCovered().toInstant()).isEqualTo(Instant.parse("2026-06-30T12:03:00Z"));
        assertThat(capped.getIds()).containsExactly(a);
        assertThat(b).isNotNull();
    }

    @Test
    void getDeletedListsRecycleBinEntriesUntilTheyArePurged() throws Exception {
        Instant start = clock.instant();
        String doomed = seed.create("Contact", "LastName", "Doomed");
        clock.advance(Duration.ofMinutes(1));
        emulator.store().delete(doomed, WriteContext.api(emulator.runAsUserId()));
        clock.advance(Duration.ofMinutes(2));
        GetDeletedResult r = conn.getDeleted("Contact", utc(start), utc(clock.instant()));
        assertThat(r.getDeletedRecords()).extracting(d -> d.getId()).containsExactly(doomed);
        assertThat(r.getDeletedRecords()[0].getDeletedDate().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));
        assertThat(r.getEarliestDateAvailable().toInstant()).isBefore(start.plusSeconds(1));

        Wsc.Http purge = Wsc.control(emulator, "POST", "/_emulator/recycle-bin/purge", null);
        assertThat(purge.json().get("purged").asInt()).isEqualTo(1);
        GetDeletedResult after = conn.getDeleted("Contact", utc(start), utc(clock.instant()));
        assertThat(after.getDeletedRecords()).isEmpty();
        // The purge is after the caller's watermark: it must resync the object in full.
        assertThat(after.getEarliestDateAvailable().toInstant()).isAfter(start);
    }

    @Test
    void windowsMoreThan30DaysBackOrBackwardsAreInvalidReplicationDate() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> conn.getUpdated("Account", utc(now.minus(Duration.ofDays(31))), utc(now)))
                .isInstanceOfSatisfying(UnexpectedErrorFault.class, f ->
                        assertThat(f.getExceptionCode().name()).isEqualTo("INVALID_REPLICATION_DATE"));
        assertThatThrownBy(() -> conn.getDeleted("Account", utc(now), utc(now.minus(Duration.ofHours(1)))))
                .isInstanceOf(UnexpectedErrorFault.class);
    }

    @Test
    void aBackdatedChangeLooksLikeALateCommitWithAnOlderSystemModstamp() throws Exception {
        String id = seed.create("Account", "Name", "Late");
        clock.advance(Duration.ofMinutes(10));
        Wsc.Http r = Wsc.control(emulator, "POST", "/_emulator/records/" + id + "/backdate",
                "{\"systemModstamp\":\"2026-06-30T11:59:30Z\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(conn.query("SELECT SystemModstamp FROM Account WHERE Id = '" + id + "'").getRecords()[0]
                .getField("SystemModstamp")).isEqualTo("2026-06-30T11:59:30.000Z");
    }
}
