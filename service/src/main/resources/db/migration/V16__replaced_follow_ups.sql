-- A HIGH or CRITICAL follow-up over the weekly cap may take the place of one of the assignee's untouched LOW or
-- MEDIUM tasks (scorecard followUps.overCap: replace). The new task's row names the task it replaces; that task
-- is deleted only once the new one is CREATED, and replaced_at notes when that was settled (replace_outcome:
-- DELETED, GONE when the CRM no longer held it, KEPT when a rep touched it meanwhile, FAILED when the CRM refused).
-- A restart between the create and the delete finds the row CREATED with replaced_at empty and deletes then.
ALTER TABLE follow_up ADD COLUMN replaces_key VARCHAR(255);
ALTER TABLE follow_up ADD COLUMN replaces_task_id VARCHAR(18);
ALTER TABLE follow_up ADD COLUMN replaced_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE follow_up ADD COLUMN replace_outcome VARCHAR(20);
ALTER TABLE follow_up ADD COLUMN replace_error VARCHAR(4000);
CREATE INDEX follow_up_replacing ON follow_up (replaces_task_id);
