-- Runs with search_path set to the tenant's schema.

-- The time rule (PipelineTimes in the Domain): each known time of a run or job comes no later than the next known one,
-- queued_at <= started_at <= finished_at, and queued_at <= finished_at without a start. Rows stored before it was
-- enforced (a late in_progress could move a finished job's start past its finish) are clamped first, as ingestion now
-- clamps: the start is the anchor, a finish before it moves up to it, a queue time after it (or after the finish,
-- without a start) moves down to it. The job rollups move with them, by the same delta ingestion applies.
WITH bad AS (
    SELECT id, status, queued_at, started_at, finished_at,
           CASE WHEN finished_at IS NOT NULL THEN greatest(finished_at, started_at) END AS new_finished_at
    FROM job_runs
    WHERE queued_at > started_at OR started_at > finished_at OR queued_at > finished_at),
clamped AS (
    UPDATE job_runs j
    SET finished_at = b.new_finished_at,
        queued_at = CASE WHEN b.queued_at IS NOT NULL THEN least(b.queued_at, coalesce(b.started_at, b.new_finished_at)) END,
        updated_at = now()
    FROM bad b WHERE j.id = b.id
    RETURNING j.repository_id, j.pipeline_id, j.name, j.branch, j.status, j.queued_at, j.started_at, j.finished_at,
              b.queued_at AS old_queued_at, b.finished_at AS old_finished_at),
delta AS (
    SELECT hour, repository_id, pipeline_id, job_name, branch, status, sum(jobs) AS jobs, sum(duration_ms) AS duration_ms,
           sum(queue_ms) AS queue_ms
    FROM (
        SELECT date_trunc('hour', finished_at) AS hour, repository_id, pipeline_id, name AS job_name, branch, status, 1 AS jobs,
               coalesce((extract(epoch FROM (finished_at - started_at)) * 1000)::bigint, 0) AS duration_ms,
               coalesce((extract(epoch FROM (started_at - queued_at)) * 1000)::bigint, 0) AS queue_ms
        FROM clamped
        UNION ALL
        SELECT date_trunc('hour', old_finished_at), repository_id, pipeline_id, name, branch, status, -1,
               -coalesce((extract(epoch FROM (old_finished_at - started_at)) * 1000)::bigint, 0),
               -coalesce((extract(epoch FROM (started_at - old_queued_at)) * 1000)::bigint, 0)
        FROM clamped) d
    -- Rows in the rollups: finished ones (only "running" was unfinished before this version).
    WHERE hour IS NOT NULL AND status <> 'running'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(jobs) <> 0 OR sum(duration_ms) <> 0 OR sum(queue_ms) <> 0),
hourly AS (
    INSERT INTO job_rollups_hourly AS h (hour, repository_id, pipeline_id, job_name, branch, status, jobs, duration_ms, queue_ms)
    SELECT * FROM delta
    ON CONFLICT (hour, repository_id, pipeline_id, job_name, branch, status) DO UPDATE
    SET jobs = h.jobs + excluded.jobs, duration_ms = h.duration_ms + excluded.duration_ms, queue_ms = h.queue_ms + excluded.queue_ms)
INSERT INTO job_rollups_daily AS d (day, repository_id, pipeline_id, job_name, status, jobs, duration_ms, queue_ms)
SELECT (delta.hour AT TIME ZONE s.time_zone)::date, repository_id, pipeline_id, job_name, status, sum(jobs), sum(duration_ms), sum(queue_ms)
FROM delta CROSS JOIN settings s
GROUP BY 1, 2, 3, 4, 5
HAVING sum(jobs) <> 0 OR sum(duration_ms) <> 0 OR sum(queue_ms) <> 0
ON CONFLICT (day, repository_id, pipeline_id, job_name, status) DO UPDATE
SET jobs = d.jobs + excluded.jobs, duration_ms = d.duration_ms + excluded.duration_ms, queue_ms = d.queue_ms + excluded.queue_ms;

UPDATE pipeline_runs r
SET finished_at = b.new_finished_at,
    queued_at = CASE WHEN b.queued_at IS NOT NULL THEN least(b.queued_at, coalesce(b.started_at, b.new_finished_at)) END,
    updated_at = now()
FROM (SELECT id, queued_at, started_at, CASE WHEN finished_at IS NOT NULL THEN greatest(finished_at, started_at) END AS new_finished_at
      FROM pipeline_runs WHERE queued_at > started_at OR started_at > finished_at OR queued_at > finished_at) b
WHERE r.id = b.id;

-- A comparison with a missing time is NULL, which a CHECK lets pass: each holds where both times are known.
ALTER TABLE pipeline_runs
    ADD CONSTRAINT pipeline_runs_queued_before_started CHECK (queued_at <= started_at),
    ADD CONSTRAINT pipeline_runs_started_before_finished CHECK (started_at <= finished_at),
    ADD CONSTRAINT pipeline_runs_queued_before_finished CHECK (queued_at <= finished_at),
    -- The canonical statuses (PipelineStatus in the Domain), queued, waiting and manual new in this version.
    ADD CONSTRAINT pipeline_runs_status CHECK (status IN ('queued', 'waiting', 'manual', 'running', 'success', 'failure', 'cancelled',
                                                          'skipped', 'timed_out'));
ALTER TABLE job_runs
    ADD CONSTRAINT job_runs_queued_before_started CHECK (queued_at <= started_at),
    ADD CONSTRAINT job_runs_started_before_finished CHECK (started_at <= finished_at),
    ADD CONSTRAINT job_runs_queued_before_finished CHECK (queued_at <= finished_at),
    ADD CONSTRAINT job_runs_status CHECK (status IN ('queued', 'waiting', 'manual', 'running', 'success', 'failure', 'cancelled',
                                                     'skipped', 'timed_out'));

-- Ingestion merges statuses itself now: a finished row keeps its status against any unfinished event, not only "running".
DROP FUNCTION IF EXISTS merged_status(text, text);
