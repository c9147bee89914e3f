package io.redflag.service.store;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The change stream's replay id per channel (table cdc_replay), saved in the transaction that stores the
 * records of the batch it ends. Unlike a watermark it may move back: after a refusal it is forgotten, and a
 * replay id is Salesforce's, not ordered by us.
 */
final class ReplayLog {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReplayLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<byte[]> replayId(String topic) {
        return jdbc.queryForList("SELECT replay_id FROM cdc_replay WHERE topic = ?", String.class, topic).stream()
                .findFirst().map(HexFormat.of()::parseHex);
    }

    /** Within the caller's transaction. */
    void save(String topic, byte[] replayId) {
        jdbc.update("MERGE INTO cdc_replay AS t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (topic, replay_id, updated_at) ON t.topic = s.topic"
                + " WHEN MATCHED THEN UPDATE SET replay_id = s.replay_id, updated_at = s.updated_at"
                + " WHEN NOT MATCHED THEN INSERT (topic, replay_id, updated_at)"
                + " VALUES (s.topic, s.replay_id, s.updated_at)",
                topic, HexFormat.of().formatHex(replayId), RecordWriter.jdbcValue(clock.instant()));
    }

    void forget(String topic) {
        jdbc.update("DELETE FROM cdc_replay WHERE topic = ?", topic);
    }
}
