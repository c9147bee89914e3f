-- The scoring, the dry run and the backtest read each account's tasks and meetings (StoreReader), a range of
-- accounts at a time. The rows lie in the order the sync stored them, not by account, so through an index of the
-- account alone every row is fetched from elsewhere in the table. These indexes hold every column that read
-- needs, in account order: H2 reads them without the table (the dry run over 20,000 accounts at 1 GiB: 37.8 /
-- 29.4 s before, 29.4 / 18.4 s after, docs/benchmarks.md). They lead with the account, so they also serve every
-- look-up the account indexes served; those go.
CREATE INDEX task_account_read ON task (account, deleted, signal_key, id, contact, owner, kind, direction, outcome,
    subject, closed, due_date, completed_at, modified_at);
DROP INDEX task_account;
CREATE INDEX event_account_read ON event (account, deleted, id, contact, owner, start_at, outcome, modified_at);
DROP INDEX event_account;
