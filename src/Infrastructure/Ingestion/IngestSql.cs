using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Classification;
using Faultline.Infrastructure.Persistence;
using Faultline.Infrastructure.Persistence.Migrations;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>
/// The statements of one ingest transaction, with the tenant's tables qualified. A run or job is
/// merged, not overwritten: timestamps and optional fields only ever fill in, and times a provider's
/// clocks disagree on are clamped as <see cref="PipelineTimes.Clamped"/> does. Once a run or job is
/// finished, a late unfinished event (an in_progress after the completed) never changes its status,
/// name or known times: it only fills in what the row lacks, and a time only where it keeps the time rule.
/// </summary>
internal sealed class IngestSql(TenantConnection tenant)
{
    public const string CreateStaging = """
        CREATE TEMP TABLE stage_runs (
            ord int, provider text, external_id text, attempt int, repository text, pipeline text, branch text, commit_sha text,
            status text, queued_at timestamptz, started_at timestamptz, finished_at timestamptz,
            default_branch text, trigger text, actor text) ON COMMIT DROP;
        CREATE TEMP TABLE stage_jobs (
            ord int, provider text, external_id text, attempt int, repository text, pipeline text, branch text, commit_sha text,
            status text, queued_at timestamptz, started_at timestamptz, finished_at timestamptz,
            run_external_id text, name text, runner text) ON COMMIT DROP;
        -- Keyed, so the outcome query probes them instead of scanning them once per staged row.
        CREATE TEMP TABLE run_changes (id bigint PRIMARY KEY, inserted boolean) ON COMMIT DROP;
        CREATE TEMP TABLE job_changes (
            id bigint PRIMARY KEY, inserted boolean, status text, queued_at timestamptz, started_at timestamptz, finished_at timestamptz,
            repository_id bigint, pipeline_id bigint, name text, branch text,
            old_status text, old_queued_at timestamptz, old_started_at timestamptz, old_finished_at timestamptz,
            old_repository_id bigint, old_pipeline_id bigint, old_name text, old_branch text) ON COMMIT DROP;
        """;

    private string Repositories => tenant.Qualified("repositories");
    private string Pipelines => tenant.Qualified("pipelines");
    private string Runs => tenant.Qualified("pipeline_runs");
    private string Jobs => tenant.Qualified("job_runs");

    /// <summary>
    /// One ingest transaction per tenant at a time: the rollup deltas read each job's previous state,
    /// which a concurrent batch about the same job would change underneath.
    /// </summary>
    public string LockTenant => $"SELECT pg_advisory_xact_lock(hashtext('faultline.ingest.' || '{tenant.Schema}'))";

    public string UpsertDimensions => $"""
        INSERT INTO {Repositories} AS r (provider, name, default_branch)
        SELECT provider, repository, max(default_branch) FROM (
            SELECT provider, repository, default_branch FROM stage_runs
            UNION ALL SELECT provider, repository, NULL FROM stage_jobs) s
        GROUP BY provider, repository ORDER BY provider, repository
        ON CONFLICT (provider, name) DO UPDATE SET default_branch = excluded.default_branch
        WHERE excluded.default_branch IS NOT NULL AND excluded.default_branch IS DISTINCT FROM r.default_branch;

        INSERT INTO {Pipelines} (repository_id, name)
        SELECT DISTINCT r.id, s.pipeline FROM (
            SELECT provider, repository, pipeline FROM stage_runs
            UNION SELECT provider, repository, pipeline FROM stage_jobs) s
        JOIN {Repositories} r ON r.provider = s.provider AND r.name = s.repository
        ORDER BY 1, 2
        ON CONFLICT (repository_id, name) DO NOTHING;
        """;

    public string UpsertRunsAndLinkJobs => $"""
        WITH s AS (SELECT DISTINCT ON (provider, external_id, attempt) * FROM stage_runs
                   ORDER BY provider, external_id, attempt, {LatestFinishedFirst}),
        up AS (
            INSERT INTO {Runs} AS t (provider, external_id, attempt, repository_id, pipeline_id, branch, commit_sha, trigger, actor, status,
                                     queued_at, started_at, finished_at)
            SELECT s.provider, s.external_id, s.attempt, r.id, p.id, s.branch, s.commit_sha, s.trigger, s.actor, s.status,
                   s.queued_at, s.started_at, s.finished_at
            FROM s JOIN {Repositories} r ON r.provider = s.provider AND r.name = s.repository
                   JOIN {Pipelines} p ON p.repository_id = r.id AND p.name = s.pipeline
            ORDER BY s.provider, s.external_id, s.attempt
            ON CONFLICT (provider, external_id, attempt) DO UPDATE SET {Merge(RunFilledIn, RunReplaced)}
            WHERE {Changed(RunFilledIn, RunReplaced)}
            RETURNING t.id, (t.xmax = 0) AS inserted)
        INSERT INTO run_changes SELECT id, inserted FROM up;

        -- Jobs that arrived before their run.
        UPDATE {Jobs} j SET run_id = r.id
        FROM {Runs} r JOIN (SELECT DISTINCT provider, external_id, attempt FROM stage_runs) s
             ON r.provider = s.provider AND r.external_id = s.external_id AND r.attempt = s.attempt
        WHERE j.run_id IS NULL AND j.provider = r.provider AND j.run_external_id = r.external_id AND j.attempt = r.attempt;
        """;

    public string UpsertJobsWithRollups => $"""
        WITH s AS (SELECT DISTINCT ON (provider, external_id, attempt) * FROM stage_jobs
                   ORDER BY provider, external_id, attempt, {LatestFinishedFirst}),
        src AS (
            SELECT s.*, r.id AS repository_id, p.id AS pipeline_id, run.id AS run_id
            FROM s JOIN {Repositories} r ON r.provider = s.provider AND r.name = s.repository
                   JOIN {Pipelines} p ON p.repository_id = r.id AND p.name = s.pipeline
                   LEFT JOIN {Runs} run ON run.provider = s.provider AND run.external_id = s.run_external_id AND run.attempt = s.attempt),
        prev AS (
            SELECT t.id, t.status, t.queued_at, t.started_at, t.finished_at, t.repository_id, t.pipeline_id, t.name, t.branch
            FROM {Jobs} t JOIN s ON t.provider = s.provider AND t.external_id = s.external_id AND t.attempt = s.attempt),
        up AS (
            INSERT INTO {Jobs} AS t (provider, external_id, attempt, run_external_id, run_id, repository_id, pipeline_id, branch, commit_sha,
                                     name, runner, status, queued_at, started_at, finished_at)
            SELECT provider, external_id, attempt, run_external_id, run_id, repository_id, pipeline_id, branch, commit_sha,
                   name, runner, status, queued_at, started_at, finished_at
            FROM src ORDER BY provider, external_id, attempt
            ON CONFLICT (provider, external_id, attempt) DO UPDATE SET {Merge(JobFilledIn, JobReplaced)}
            WHERE {Changed(JobFilledIn, JobReplaced)}
            RETURNING t.id, (t.xmax = 0) AS inserted, t.status, t.queued_at, t.started_at, t.finished_at, t.repository_id, t.pipeline_id,
                      t.name, t.branch)
        INSERT INTO job_changes
        SELECT up.*, prev.status, prev.queued_at, prev.started_at, prev.finished_at, prev.repository_id, prev.pipeline_id, prev.name, prev.branch
        FROM up LEFT JOIN prev ON prev.id = up.id;

        WITH delta AS (
            SELECT hour, repository_id, pipeline_id, job_name, branch, status, sum(jobs) AS jobs, sum(duration_ms) AS duration_ms,
                   sum(queue_ms) AS queue_ms
            FROM (
                SELECT date_trunc('hour', finished_at) AS hour, repository_id, pipeline_id, name AS job_name, branch, status, 1 AS jobs,
                       {Milliseconds("started_at", "finished_at")} AS duration_ms, {Milliseconds("queued_at", "started_at")} AS queue_ms
                FROM job_changes WHERE {StatusSql.Finished("status")} AND finished_at IS NOT NULL
                UNION ALL
                SELECT date_trunc('hour', old_finished_at), old_repository_id, old_pipeline_id, old_name, old_branch, old_status, -1,
                       -{Milliseconds("old_started_at", "old_finished_at")}, -{Milliseconds("old_queued_at", "old_started_at")}
                FROM job_changes WHERE old_status IS NOT NULL AND {StatusSql.Finished("old_status")} AND old_finished_at IS NOT NULL) d
            GROUP BY 1, 2, 3, 4, 5, 6
            HAVING sum(jobs) <> 0 OR sum(duration_ms) <> 0 OR sum(queue_ms) <> 0),
        hourly AS (
            INSERT INTO {tenant.Qualified("job_rollups_hourly")} AS h
                (hour, repository_id, pipeline_id, job_name, branch, status, jobs, duration_ms, queue_ms)
            SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (hour, repository_id, pipeline_id, job_name, branch, status) DO UPDATE
            SET jobs = h.jobs + excluded.jobs, duration_ms = h.duration_ms + excluded.duration_ms, queue_ms = h.queue_ms + excluded.queue_ms)
        INSERT INTO {tenant.Qualified("job_rollups_daily")} AS d (day, repository_id, pipeline_id, job_name, status, jobs, duration_ms, queue_ms)
        SELECT (delta.hour AT TIME ZONE s.time_zone)::date, repository_id, pipeline_id, job_name, status, sum(jobs), sum(duration_ms), sum(queue_ms)
        FROM delta CROSS JOIN {tenant.Qualified("settings")} s
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(jobs) <> 0 OR sum(duration_ms) <> 0 OR sum(queue_ms) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (day, repository_id, pipeline_id, job_name, status) DO UPDATE
        SET jobs = d.jobs + excluded.jobs, duration_ms = d.duration_ms + excluded.duration_ms, queue_ms = d.queue_ms + excluded.queue_ms;

        INSERT INTO {tenant.Qualified("classification_queue")} (job_id)
        SELECT c.id FROM job_changes c JOIN {tenant.Qualified("job_logs")} l ON l.job_id = c.id
        WHERE c.status IN ('failure', 'timed_out')
        ON CONFLICT (job_id) DO NOTHING;
        """;

    /// <summary>Cached analytics are keyed by this version: bumped with the data, in the same transaction.</summary>
    /// <remarks>In the same round trip, wakes the background classifier when failed jobs changed (delivered at commit).</remarks>
    public string BumpDataVersion => $"""
        WITH bumped AS (
            UPDATE {tenant.Qualified("settings")} SET data_version = data_version + 1
            WHERE EXISTS (SELECT 1 FROM run_changes) OR EXISTS (SELECT 1 FROM job_changes))
        SELECT pg_notify('{PostgresClassificationStore.Channel}', {SqlIdentifier.Literal(tenant.Schema)})
        WHERE EXISTS (SELECT 1 FROM job_changes WHERE status IN ('failure', 'timed_out'))
        """;

    /// <summary>Each staged item's row id, and whether it was inserted (true), updated (false) or left as it was (null).</summary>
    public string Outcomes => $"""
        SELECT s.ord, t.id, c.inserted FROM stage_runs s
        JOIN {Runs} t ON t.provider = s.provider AND t.external_id = s.external_id AND t.attempt = s.attempt
        LEFT JOIN run_changes c ON c.id = t.id
        UNION ALL
        SELECT s.ord, t.id, c.inserted FROM stage_jobs s
        JOIN {Jobs} t ON t.provider = s.provider AND t.external_id = s.external_id AND t.attempt = s.attempt
        LEFT JOIN job_changes c ON c.id = t.id
        """;

    private static readonly string[] RunFilledIn = ["commit_sha", "trigger", "actor"];
    private static readonly string[] RunReplaced = ["repository_id", "pipeline_id", "branch"];
    private static readonly string[] JobFilledIn = ["commit_sha", "runner", "run_id"];
    private static readonly string[] JobReplaced = ["repository_id", "pipeline_id", "branch", "name", "run_external_id"];

    // Of one batch's events about the same run or job, the one merged: the last finished one, else the last (the same finished-facts rule).
    private static readonly string LatestFinishedFirst = $"{StatusSql.Finished("status")} DESC, ord DESC";

    // The stored row (t) is finished and the event (excluded) is not: the event is late.
    private static readonly string Late = $"({StatusSql.Finished("t.status")} AND NOT {StatusSql.Finished("excluded.status")})";

    private static string Merge(string[] filledIn, string[] replaced) =>
        string.Join(", ", Merged(filledIn, replaced).Select(c => $"{c.Column} = {c.Value}").Append("updated_at = now()"));

    // Only rows that really change are written: a re-delivery is reported as a duplicate and costs no update.
    private static string Changed(string[] filledIn, string[] replaced) =>
        string.Join("\n               OR ", Merged(filledIn, replaced).Select(c => $"({c.Value}) IS DISTINCT FROM t.{c.Column}"));

    /// <summary>Each merged column's new value: the event's, unless it is late; then the stored row's, filled in only.</summary>
    private static IEnumerable<(string Column, string Value)> Merged(string[] filledIn, string[] replaced) =>
        filledIn.Select(c => (c, Taken(c), Filled(c)))
            .Concat(replaced.Select(c => (c, $"excluded.{c}", $"t.{c}")))
            .Append(("status", "excluded.status", "t.status"))
            .Concat(Times())
            .Select(c => (c.Item1, $"CASE WHEN {Late} THEN {c.Item3} ELSE {c.Item2} END"));

    /// <summary>
    /// The times, each as (column, merged, merged when late). Merged: the event's where it has one, then clamped with
    /// the start as the anchor. Late: the stored times, with the gaps filled from the event only if all three keep the rule.
    /// </summary>
    private static IEnumerable<(string, string, string)> Times()
    {
        var (queued, started, finished) = (Taken("queued_at"), Taken("started_at"), Taken("finished_at"));
        var (lateQueued, lateStarted, lateFinished) = (Filled("queued_at"), Filled("started_at"), Filled("finished_at"));
        var fits = $"coalesce(NOT ({lateQueued} > {lateStarted} OR {lateStarted} > {lateFinished} OR {lateQueued} > {lateFinished}), true)";
        return
        [
            ("started_at", started, $"CASE WHEN {fits} THEN {lateStarted} ELSE t.started_at END"),
            ("finished_at", $"CASE WHEN {finished} IS NOT NULL THEN greatest({finished}, {started}) END",
                $"CASE WHEN {fits} THEN {lateFinished} ELSE t.finished_at END"),
            ("queued_at", $"CASE WHEN {queued} IS NOT NULL THEN least({queued}, coalesce({started}, {finished})) END",
                $"CASE WHEN {fits} THEN {lateQueued} ELSE t.queued_at END"),
        ];
    }

    private static string Taken(string column) => $"coalesce(excluded.{column}, t.{column})";

    private static string Filled(string column) => $"coalesce(t.{column}, excluded.{column})";

    private static string Milliseconds(string from, string to) => $"coalesce((extract(epoch FROM ({to} - {from})) * 1000)::bigint, 0)";
}
