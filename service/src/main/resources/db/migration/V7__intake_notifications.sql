-- Outbound Message notification ids already stored, committed with the records they named: Salesforce
-- delivers at least once (a lost acknowledgement means a redelivery for up to 24 hours), so a notification
-- seen again stores nothing. Rows older than the redelivery window are removed.
CREATE TABLE intake_notification (
    notification_id VARCHAR(18) PRIMARY KEY,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intake_notification_received ON intake_notification (received_at);
