-- Change Data Capture: per channel (/data/ChangeEvents, /data/AccountChangeEvent, /data/Redflag__chn) the
-- replay id of the last event stored, committed in the same transaction as the records it covers, so a
-- restart resubscribes just after it. 8 bytes as the Pub/Sub API sends them, kept as hexadecimal text
-- (the same on H2 and PostgreSQL).
CREATE TABLE cdc_replay (
    topic      VARCHAR(255) PRIMARY KEY,
    replay_id  VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
