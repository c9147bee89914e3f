-- The org this store belongs to. Its records, positions, assessments and outbox mean nothing for another org
-- (a sandbox refresh gets a new org id; a demo run starts a new org): the service checks it at every start.
CREATE TABLE store_org (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    org_id    VARCHAR(18) NOT NULL,
    bound_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
