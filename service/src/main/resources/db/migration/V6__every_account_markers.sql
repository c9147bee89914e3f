-- A full read of an object queues a marker of its own ("*task", "*opportunityHistory") instead of the one "*"
-- that every full read shared: objects are read in lanes, and pages of two objects committing at once would
-- otherwise wait on that one row. Any id starting with * asks for every account to be scored again.
ALTER TABLE dirty_account ALTER COLUMN account_id SET DATA TYPE VARCHAR(80);
