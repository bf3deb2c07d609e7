-- Runs with search_path set to the tenant's schema.

-- The jobs explorer filtered by failure category (or status failure) walks failed jobs newest first
-- and probes each one's classification, instead of reading past every passing job.
CREATE INDEX job_runs_failed_recent ON job_runs ((coalesce(started_at, queued_at, updated_at)) DESC, id DESC)
    WHERE status IN ('failure', 'timed_out');
