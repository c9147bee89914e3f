-- Several replicas on one store (issue 12).
-- Leader election: Spring Integration's JDBC lock registry keeps one row per held lock here. The columns are
-- those of its own schema scripts (schema-postgresql.sql, schema-h2.sql in spring-integration-jdbc); the leader
-- renews its row's lease, and a row whose lease ran out is taken over by another replica.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36) NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP NOT NULL,
    EXPIRED_AFTER TIMESTAMP NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);

-- Whether an operator paused the sync (POST /actuator/sync on any replica): one row, read by the leader between
-- pages, so a pause reaches whichever replica leads, and survives a restart.
CREATE TABLE sync_control (
    singleton  INT PRIMARY KEY CHECK (singleton = 1),
    paused     BOOLEAN NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(255) NOT NULL
);

-- Outbound Message notifications a replica that does not lead has acknowledged: the leader reads the named
-- records and stores them (then the id moves to intake_notification, in the same transaction as the records).
CREATE TABLE intake_notification_queue (
    notification_id VARCHAR(18) PRIMARY KEY,
    object_name     VARCHAR(80) NOT NULL,
    record_id       VARCHAR(18) NOT NULL,
    action_id       VARCHAR(18),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intake_notification_queue_received ON intake_notification_queue (received_at);
