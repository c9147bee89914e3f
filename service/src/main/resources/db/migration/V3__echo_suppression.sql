-- What Redflag wrote and reads back (the Redflag package's fields), so write-back sends only differences.
ALTER TABLE account ADD COLUMN health_score NUMERIC(20, 2);
ALTER TABLE account ADD COLUMN risk_level VARCHAR(255);
ALTER TABLE account ADD COLUMN risk_reasons VARCHAR(32768);
ALTER TABLE account ADD COLUMN health_trend NUMERIC(20, 2);
ALTER TABLE account ADD COLUMN health_scored_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE task ADD COLUMN signal_key VARCHAR(255);

-- A hash of each row's scoring inputs (every mapped property but the change stamp and Redflag's own
-- fields): a record whose hash did not change is not news, whoever touched it (echo suppression).
ALTER TABLE crm_user ADD COLUMN content_hash BIGINT;
ALTER TABLE account ADD COLUMN content_hash BIGINT;
ALTER TABLE account_history ADD COLUMN content_hash BIGINT;
ALTER TABLE contact ADD COLUMN content_hash BIGINT;
ALTER TABLE contact_role ADD COLUMN content_hash BIGINT;
ALTER TABLE opportunity ADD COLUMN content_hash BIGINT;
ALTER TABLE opportunity_history ADD COLUMN content_hash BIGINT;
ALTER TABLE task ADD COLUMN content_hash BIGINT;
ALTER TABLE event ADD COLUMN content_hash BIGINT;
ALTER TABLE support_case ADD COLUMN content_hash BIGINT;
CREATE INDEX account_owner ON account (owner);

-- Accounts whose inputs changed and that wait to be scored again. Written in the same transaction as the
-- records that changed them, so a crash between storing and scoring loses no change. changed_at is the
-- first unscored change; change_count grows with every later one, so scoring removes an entry only when
-- nothing arrived while it was scoring.
CREATE TABLE dirty_account (
    account_id   VARCHAR(18) PRIMARY KEY,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    change_count BIGINT DEFAULT 1 NOT NULL
);
CREATE INDEX dirty_account_changed_at ON dirty_account (changed_at);
