-- How far getDeleted has been read for each object (its latestDateCovered); null until the first check.
ALTER TABLE sync_watermark ADD COLUMN deletions_covered TIMESTAMP WITH TIME ZONE;
