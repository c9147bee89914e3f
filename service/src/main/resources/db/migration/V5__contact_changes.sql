-- Contact changes the sync observed: a contact that moved to another account, or got a new title. The CRM
-- keeps such history only where field history tracking is on; the sync sees every change it reads. A move
-- is a departure for the old account and an arrival for the new one; a new executive title is a change at
-- the customer.
CREATE TABLE contact_change (
    contact    VARCHAR(18) NOT NULL,
    field      VARCHAR(20) NOT NULL,
    old_value  VARCHAR(4000),
    new_value  VARCHAR(4000),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contact, field, changed_at)
);
-- Moves away from an account are looked up by the account they left.
CREATE INDEX contact_change_old_value ON contact_change (field, old_value);
