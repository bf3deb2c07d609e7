-- Bumped in every ingest transaction that changes runs or jobs: cached analytics are keyed by it,
-- and being in the same transaction as the data, it can never lag behind what a query sees.
ALTER TABLE settings ADD COLUMN data_version bigint NOT NULL DEFAULT 0;

-- The hourly rollups per local day (tenant time zone) without the branch: most dashboards span
-- days to months across all branches, and per-branch hours are mostly single jobs (20–30× fewer rows).
CREATE TABLE job_rollups_daily (
    day           date   NOT NULL,
    repository_id bigint NOT NULL,
    pipeline_id   bigint NOT NULL,
    job_name      text   NOT NULL,
    status        text   NOT NULL,
    jobs          bigint NOT NULL,
    duration_ms   bigint NOT NULL,
    queue_ms      bigint NOT NULL,
    PRIMARY KEY (day, repository_id, pipeline_id, job_name, status)
);
INSERT INTO job_rollups_daily
SELECT (h.hour AT TIME ZONE s.time_zone)::date, repository_id, pipeline_id, job_name, status, sum(jobs), sum(duration_ms), sum(queue_ms)
FROM job_rollups_hourly h CROSS JOIN settings s
GROUP BY 1, 2, 3, 4, 5;

-- Branch filters read the hourly rollups of one branch only.
CREATE INDEX job_rollups_hourly_by_branch ON job_rollups_hourly (branch, hour);

-- Metrics that need single jobs or runs (percentiles, categories, flaky jobs, pipeline runs,
-- recovery times) read them by finish time, mostly from the index alone.
CREATE INDEX job_runs_finished ON job_runs (finished_at) INCLUDE (status, started_at, repository_id, pipeline_id)
    WHERE finished_at IS NOT NULL;
CREATE INDEX job_runs_failed ON job_runs (finished_at) INCLUDE (id, repository_id, pipeline_id, started_at)
    WHERE status IN ('failure', 'timed_out');
CREATE INDEX pipeline_runs_finished ON pipeline_runs (finished_at) INCLUDE (status, repository_id, pipeline_id)
    WHERE finished_at IS NOT NULL;
-- Failure streaks: one pipeline's runs on one branch in time order.
CREATE INDEX pipeline_runs_streaks ON pipeline_runs (pipeline_id, branch, finished_at) INCLUDE (status)
    WHERE finished_at IS NOT NULL;

-- Why a failed job failed, written by the classifier; analytics count failed jobs without a row
-- here as "unclassified".
CREATE TABLE job_classifications (
    job_id        bigint      PRIMARY KEY REFERENCES job_runs (id),
    category      text        NOT NULL,
    confidence    real        NOT NULL,
    model_version text        NOT NULL,
    classified_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dashboards (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    is_default  boolean     NOT NULL DEFAULT false,
    widgets     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX dashboards_one_default ON dashboards (is_default) WHERE is_default;
