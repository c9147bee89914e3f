package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.Watermark;
import io.redflag.connector.mapping.MappedRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same store behaviour on embedded H2 and on the real PostgreSQL server. */
class CrmStoreIT {

    @AfterAll
    static void dropSchemas() throws Exception {
        Databases.dropCreatedSchemas();
    }

    private static final Instant T1 = Instant.parse("2026-06-30T12:00:00Z");
    private static final Instant T2 = Instant.parse("2026-06-30T12:05:00Z");

    private static MappedRecord opportunity(String id, String stage, String amount, Instant modified) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("account", "0018d0000000AAAAAA");
        v.put("name", "Renewal");
        v.put("stage", stage);
        v.put("amount", new BigDecimal(amount));
        v.put("closeDate", LocalDate.of(2026, 9, 30));
        v.put("createdAt", T1);
        v.put("modifiedAt", modified);
        return new MappedRecord("opportunity", id, modified, v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsAndTheWatermarkAreStoredTogetherAndAnOlderVersionNeverOverwritesANewerOne(String db) {
        CrmStore store = new CrmStore(Databases.fresh(db));
        String id = "0068d0000000AAAAAA";
        int written = store.store(new IntakePage("opportunity", List.of(opportunity(id, "OPEN", "1000.00", T2)), List.of(), new Watermark("Opportunity", T2, id), IntakePage.Read.CHANGES)).written();
        assertThat(written).isEqualTo(1);
        assertThat(store.watermark("Opportunity")).contains(new Watermark("Opportunity", T2, id));

        // A late, older version (an overlap re-read) is skipped.
        assertThat(store.store(IntakePage.changes("opportunity", List.of(opportunity(id, "LOST", "5.00", T1)))).written())
                .isZero();
        Map<String, Object> row = store.row("opportunity", id);
        assertThat(row.get("stage")).isEqualTo("OPEN");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1000");
        assertThat(row.get("closeDate").toString()).isEqualTo("2026-09-30");

        // The same stamp is written again: two changes in one second carry the same SystemModstamp.
        assertThat(store.store(IntakePage.changes("opportunity", List.of(opportunity(id, "WON", "1200.00", T2)))).written())
                .isEqualTo(1);
        assertThat(store.row("opportunity", id).get("stage")).isEqualTo("WON");
        assertThat(store.count("opportunity", false)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyKindOfValueComesBackAsItWasStored(String db) {
        // On PostgreSQL new rows go in with COPY: tabs, line breaks, backslashes, nulls, text outside ASCII,
        // dates and times with fractions of a second survive.
        CrmStore store = new CrmStore(Databases.fresh(db));
        String id = "0068d0000000CCCCCC";
        MappedRecord deal = opportunity(id, "OPEN", "1234567.89", T2);
        Map<String, Object> v = new HashMap<>(deal.values());
        v.put("name", "Renewal\tphase 2\nline two \\N C:\\path 'quoted' \"double\" é");
        v.put("nextStep", "Zürich – 東京 😀 ok\r");
        v.put("createdAt", Instant.parse("2026-02-28T23:59:59.250Z"));
        v.put("modifiedAt", Instant.parse("2026-06-30T12:05:00.123456Z"));
        String other = "0068d0000000CCCCCD";
        Map<String, Object> w = new HashMap<>(opportunity(other, "WON", "5.00", T2).values());
        w.put("name", "Ünïcödé ñ");
        w.put("createdAt", Instant.parse("1999-12-31T23:59:59.001Z"));
        store.store(IntakePage.changes("opportunity", List.of(new MappedRecord("opportunity", id, T2, v), new MappedRecord("opportunity", other, T2, w))));
        Map<String, Object> row = store.row("opportunity", id);
        assertThat(row.get("name")).isEqualTo(v.get("name"));
        assertThat(row.get("nextStep")).isEqualTo(v.get("nextStep"));
        assertThat(row.get("lossReason")).isNull();
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1234567.89");
        assertThat(row.get("closeDate").toString()).isEqualTo("2026-09-30");
        assertThat(instant(row.get("createdAt"))).isEqualTo(v.get("createdAt"));
        assertThat(instant(row.get("modifiedAt"))).isEqualTo(v.get("modifiedAt"));
        Map<String, Object> second = store.row("opportunity", other);
        assertThat(second.get("name")).isEqualTo(w.get("name"));
        assertThat(second.get("stage")).isEqualTo("WON");
        assertThat(instant(second.get("createdAt"))).isEqualTo(w.get("createdAt"));
    }

    private static Instant instant(Object stored) {
        return stored instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) stored).toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aPageCommitsOnlyAfterThePreviousOneAndNotAtAllWhenThatFailed(String db) throws Exception {
        DataSource data = Databases.fresh(db);
        CrmStore store = new CrmStore(data);
        JdbcTemplate other = new JdbcTemplate(data); // another connection: sees only what is committed
        String id = "0068d0000000DDDDDD";
        var watermark = new Watermark("Opportunity", T2, id);
        IntakePage page = new IntakePage("opportunity", List.of(opportunity(id, "OPEN", "10", T2)), List.of(),
                watermark, IntakePage.Read.CHANGES);

        // The previous page fails (or the process dies) while this one is inside its transaction, rows written.
        Gate failing = new Gate(1);
        var doomed = CompletableFuture.supplyAsync(() -> store.store(page, failing));
        failing.awaitArrivals();
        failing.fail(new IllegalStateException("page 1 failed"));
        assertThatThrownBy(doomed::join).hasMessageContaining("the previous page was not stored");
        assertThat(store.count("opportunity", true)).isZero();
        assertThat(store.watermark("Opportunity")).isEmpty();

        // The previous page still committing: this one has written its rows and waits, nothing visible yet.
        Gate committing = new Gate(1);
        var waiting = CompletableFuture.supplyAsync(() -> store.store(page, committing));
        committing.awaitArrivals();
        assertThat(other.queryForObject("SELECT COUNT(*) FROM opportunity", Integer.class)).isZero();
        assertThat(other.queryForObject("SELECT COUNT(*) FROM sync_watermark", Integer.class)).isZero();
        assertThat(waiting).isNotDone();
        committing.open();
        assertThat(waiting.join().written()).isEqualTo(1);
        assertThat(store.watermark("Opportunity")).contains(watermark);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFirstReadInsertsWithoutLookingAndARecordItBringsTwiceIsStoredAgainTheOrdinaryWay(String db) {
        CrmStore store = new CrmStore(Databases.fresh(db));
        String first = "0068d0000000EEEEEE";
        String twice = "0068d0000000FFFFFF";
        var page1 = List.of(opportunity(first, "OPEN", "10", T1), opportunity(twice, "OPEN", "20", T1));
        assertThat(store.store(new IntakePage("opportunity", page1, List.of(), new Watermark("Opportunity", T1, twice), IntakePage.Read.FULL_INTO_EMPTY)).written()).isEqualTo(2);
        // The record changed while the read ran: a later page brings it again, with a newer stamp.
        var page2 = List.of(opportunity(twice, "WON", "25", T2), opportunity("0068d0000000GGGGGG", "OPEN", "5", T2));
        assertThat(store.store(new IntakePage("opportunity", page2, List.of(), new Watermark("Opportunity", T2, "0068d0000000GGGGGG"), IntakePage.Read.FULL_INTO_EMPTY)).written()).isEqualTo(2);
        assertThat(store.row("opportunity", twice).get("stage")).isEqualTo("WON");
        assertThat(store.count("opportunity", true)).isEqualTo(3);
        assertThat(store.watermark("Opportunity").orElseThrow().lastId()).isEqualTo("0068d0000000GGGGGG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletionsAreKeptAsDeletedAndANewerVersionRevivesTheRecord(String db) {
        CrmStore store = new CrmStore(Databases.fresh(db));
        String id = "0068d0000000BBBBBB";
        store.store(IntakePage.changes("opportunity", List.of(opportunity(id, "OPEN", "10", T1))));
        assertThat(store.markDeleted("opportunity", List.of(id, "0068d0000000NOPEAA"))).isEqualTo(1);
        assertThat(store.count("opportunity", false)).isZero();
        assertThat(store.count("opportunity", true)).isEqualTo(1);
        store.store(IntakePage.changes("opportunity", List.of(opportunity(id, "OPEN", "10", T2))));
        assertThat(store.row("opportunity", id).get("deleted")).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedBatchLeavesNeitherRecordsNorWatermark(String db) {
        CrmStore store = new CrmStore(Databases.fresh(db));
        MappedRecord good = opportunity("0068d0000000CCCCCC", "OPEN", "1", T1);
        Map<String, Object> broken = new HashMap<>(opportunity("0068d0000000DDDDDD", "OPEN", "1", T1).values());
        broken.remove("stage"); // NOT NULL column
        MappedRecord bad = new MappedRecord("opportunity", "0068d0000000DDDDDD", T1, broken);
        try {
            store.store(new IntakePage("opportunity", List.of(good, bad), List.of(), new Watermark("Opportunity", T1, "0068d0000000DDDDDD"), IntakePage.Read.CHANGES));
        } catch (RuntimeException expected) {
            // the database refuses the batch
        }
        assertThat(store.count("opportunity", true)).isZero();
        assertThat(store.watermark("Opportunity")).isEmpty();
    }
}
