-- Runs with search_path set to the tenant's schema.

-- A report that also says what changed against the previous period (the weekly digest): new failing jobs, categories
-- that grew, default branches broken longest.
ALTER TABLE report_schedules ADD COLUMN include_changes boolean NOT NULL DEFAULT false;

-- The paper a schedule's PDF is laid out on, as the export endpoint takes it.
ALTER TABLE report_schedules
    ADD COLUMN paper text NOT NULL DEFAULT 'a4' CHECK (paper IN ('a4', 'letter')),
    ADD COLUMN orientation text NOT NULL DEFAULT 'landscape' CHECK (orientation IN ('landscape', 'portrait'));
