-- Dated history: the changes the sync observed in the fields the scorecard reads, so a replay as of an earlier
-- day sees each record as it was then (the backtest). The CRM keeps such history only where field history
-- tracking is on (AccountHistory, OpportunityHistory); the sync sees every change it reads. Tracked: a user's
-- active flag and manager; an account's owner, parent, tier and segment; an opportunity's stage (its meaning),
-- amount, close date and probability; a contact's departure flag (moves and titles stay in contact_change).
-- Values are text: true/false, plain decimals, ISO dates.
CREATE TABLE record_change (
    entity     VARCHAR(40) NOT NULL,
    record_id  VARCHAR(18) NOT NULL,
    field      VARCHAR(40) NOT NULL,
    old_value  VARCHAR(4000),
    new_value  VARCHAR(4000),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entity, record_id, field, changed_at)
);
