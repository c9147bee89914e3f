-- Follow-ups the weekly cap per assignee held back (LOW and MEDIUM findings), as the latest scoring of their account
-- left them: a row goes when its task is planned or its finding is gone. The API shows them; the assignee's manager
-- gets them in a weekly digest task.
CREATE TABLE held_follow_up (
    signal_key    VARCHAR(255) PRIMARY KEY,
    account_id    VARCHAR(18) NOT NULL,
    signal        VARCHAR(40) NOT NULL,
    severity      VARCHAR(20) NOT NULL,
    assignee_id   VARCHAR(18) NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    first_held_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_held_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX held_follow_up_account ON held_follow_up (account_id);
CREATE INDEX held_follow_up_assignee ON held_follow_up (assignee_id);

-- A digest task is about an assignee's week, not one account: it has no account.
ALTER TABLE follow_up ALTER COLUMN account_id DROP NOT NULL;
