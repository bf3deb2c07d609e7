-- Runs with search_path set to the tenant's schema.

-- A report that also says what changed against the previous period (the weekly digest): new failing jobs, categories
-- that grew, default branches broken longest.
ALTER TABLE report_schedules ADD COLUMN include_changes boolean NOT NULL DEFAULT false;
