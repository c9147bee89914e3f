-- Evidence coverage: the share (whole per cent) of the scorecard's signals that had the inputs they need
-- (activity logging, contacts with roles or titles, revenue history, field history). The assessment's findings
-- document says which signals lacked which input. Null for assessments made before coverage was measured.
ALTER TABLE assessment ADD COLUMN evidence_coverage INT;
ALTER TABLE account_score ADD COLUMN evidence_coverage INT;

-- A deal's chance of winning in per cent, where the mapping gives it (Opportunity.Probability): the pipeline
-- ahead is weighted by it.
ALTER TABLE opportunity ADD COLUMN probability NUMERIC(20, 2);
