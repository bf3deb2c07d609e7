using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using Faultline.Infrastructure.Classification;
using Faultline.Infrastructure.Ingestion;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Analytics;

/// <summary>
/// Compiles a canonical metric query to one parameterised statement over the tenant's tables. The
/// text is assembled from fixed fragments chosen by enum values; every value a caller supplied
/// (range, filters, top) travels as a parameter.
/// </summary>
internal sealed class MetricSql
{
    private const string Failed = FailedJobCategory.IsFailed;
    private const string Decided = "status IN ('success', 'failure', 'timed_out')";

    private readonly TenantConnection _tenant;
    private readonly MetricQuery _query;
    private readonly List<NpgsqlParameter> _parameters = [];

    public MetricSql(TenantConnection tenant, MetricQuery query)
    {
        _tenant = tenant;
        _query = query;
        Add("from", query.From, NpgsqlDbType.TimestampTz);
        Add("to", query.To, NpgsqlDbType.TimestampTz);
        Add("top", query.Top, NpgsqlDbType.Integer);
        foreach (var dimension in Enum.GetValues<Dimension>())
            if (query.Filters.Of(dimension) is { } value) Add(EnumCode.Of(dimension), value, NpgsqlDbType.Text);
        Text = query.Metric.Shape == MetricShape.Table ? TableStatement() : SeriesStatement();
    }

    public string Text { get; }

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    /// <summary>The names of a table metric's text columns, then of its number columns, in the statement's order.</summary>
    public static (string[] Fields, string[] Values) TableColumns(MetricDefinition metric) => metric.Code switch
    {
        "top_failing_jobs" => (["repository", "pipeline", "job"], ["failures", "jobs", "failure_rate"]),
        "flaky_jobs" => (["repository", "pipeline", "job", "last_seen"], ["flaky_commits", "failures"]),
        "incidents" => (["repository", "pipeline", "branch", "started_at", "resolved_at"], ["failed_runs", "duration_ms"]),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Code, "Not a table metric."),
    };

    private enum Source
    {
        Rollups,
        Jobs,
        FailedJobs,
        Runs,
        Recoveries,
        Broken,
        FlakyCommits,
    }

    private string Table(string name) => _tenant.Qualified(name);

    private void Add(string name, object value, NpgsqlDbType type) => _parameters.Add(new NpgsqlParameter(name, type) { Value = value });

    private Source SourceOfQuery()
    {
        var byCategory = _query.GroupDimensions.Contains(Dimension.Category) || _query.Filters.Category is not null;
        return _query.Metric.Code switch
        {
            "runs" => Source.Runs,
            "mttr" or "incidents" => Source.Recoveries,
            "duration_p50" or "duration_p95" or "flaky_jobs" => Source.Jobs,
            "failure_categories" => Source.FailedJobs,
            "failures" or "failure_cost" when byCategory => Source.FailedJobs,
            "broken_for" => Source.Broken,
            "flaky_commits" => Source.FlakyCommits,
            _ => _query.Exact ? Source.Jobs : Source.Rollups,
        };
    }

    // Settings and the range, joined into every statement: the tenant's zone decides days and weeks.
    // LIMIT 1 tells the planner it is one row; range conditions on big tables use @from/@to
    // directly, so the planner sees the bounds and picks the index range scan.
    private string Params => $"""
        p AS (SELECT @from::timestamptz AS from_at, @to::timestamptz AS to_at, s.time_zone AS tz, s.runner_minute_price::float8 AS price
              FROM {Table("settings")} s LIMIT 1)
        """;

    /// <summary>
    /// Rows of (at, repository_id, pipeline_id, job_name, branch, status, jobs, duration_ms, queue_ms,
    /// category, commit_sha) in the range, filtered.
    /// </summary>
    private string SourceRows(Source source) => source switch
    {
        Source.Rollups when CanUseDailyRollups => DailyAndEdgeHours(),
        Source.Rollups => $"""
            SELECT h.hour AS at, h.repository_id, h.pipeline_id, h.job_name, h.branch, h.status, h.jobs, h.duration_ms, h.queue_ms,
                   NULL::text AS category, NULL::text AS commit_sha
            FROM {Table("job_rollups_hourly")} h WHERE h.hour >= @from AND h.hour < @to {Filters("h", branch: true)}
            """,
        Source.Jobs or Source.FailedJobs => $"""
            SELECT j.finished_at AS at, j.repository_id, j.pipeline_id, j.name AS job_name, j.branch, j.status, 1::bigint AS jobs,
                   (extract(epoch FROM (j.finished_at - j.started_at)) * 1000)::bigint AS duration_ms,
                   coalesce((extract(epoch FROM (j.started_at - j.queued_at)) * 1000)::bigint, 0) AS queue_ms,
                   {(source == Source.FailedJobs ? FailedJobCategory.Of("c") : "NULL::text")} AS category, j.commit_sha
            FROM {Table("job_runs")} j
            {(source == Source.FailedJobs ? $"LEFT JOIN {Table("job_classifications")} c ON c.job_id = j.id" : "")}
            WHERE j.finished_at >= @from AND j.finished_at < @to AND {(source == Source.FailedJobs ? $"j.{Failed}" : StatusSql.Finished("j.status"))}
                  {Filters("j", branch: true, jobColumn: "name", category: source == Source.FailedJobs)}
            """,
        Source.Runs => $"""
            SELECT r.finished_at AS at, r.repository_id, r.pipeline_id, NULL::text AS job_name, r.branch, r.status, 1::bigint AS jobs,
                   0::bigint AS duration_ms, 0::bigint AS queue_ms, NULL::text AS category, r.commit_sha
            FROM {Table("pipeline_runs")} r
            WHERE r.finished_at >= @from AND r.finished_at < @to AND {StatusSql.Finished("r.status")} {Filters("r", branch: true, jobColumn: null)}
            """,
        Source.Broken => $"""
            SELECT p.to_at AS at, s.repository_id, s.pipeline_id, NULL::text AS job_name, s.branch, NULL::text AS status, 1::bigint AS jobs,
                   coalesce((SELECT (extract(epoch FROM (p.to_at - o.started_at)) * 1000)::bigint FROM streaks o
                             WHERE o.pipeline_id = s.pipeline_id AND o.resolved_at IS NULL), 0) AS duration_ms,
                   0::bigint AS queue_ms, NULL::text AS category, NULL::text AS commit_sha
            FROM starts s, p
            """,
        Source.FlakyCommits => $"""
            SELECT last_success AS at, repository_id, pipeline_id, job_name, NULL::text AS branch, NULL::text AS status, 1::bigint AS jobs,
                   0::bigint AS duration_ms, 0::bigint AS queue_ms, NULL::text AS category, commit_sha
            FROM (SELECT j.repository_id, j.pipeline_id, j.name AS job_name, j.commit_sha,
                         min(j.finished_at) FILTER (WHERE j.{Failed}) AS first_failure,
                         max(j.finished_at) FILTER (WHERE j.status = 'success') AS last_success
                  FROM {Table("job_runs")} j
                  WHERE j.finished_at >= @from AND j.finished_at < @to AND j.{Decided} AND j.commit_sha IS NOT NULL
                        {Filters("j", branch: true, jobColumn: "name")}
                  GROUP BY 1, 2, 3, 4) c
            WHERE first_failure < last_success
            """,
        _ => $"""
            SELECT resolved_at AS at, repository_id, pipeline_id, NULL::text AS job_name, branch, NULL::text AS status, 1::bigint AS jobs,
                   (extract(epoch FROM (resolved_at - started_at)) * 1000)::bigint AS duration_ms, 0::bigint AS queue_ms,
                   NULL::text AS category, NULL::text AS commit_sha
            FROM streaks WHERE resolved_at >= @from AND resolved_at < @to
            """,
    };

    // Daily rollups have no branch and no hours.
    private bool CanUseDailyRollups =>
        _query.Filters.Branch is null && !_query.GroupDimensions.Contains(Dimension.Branch) && _query.Bucket != TimeBucket.Hour;

    /// <summary>
    /// Whole local days from the daily rollups, the partial days at either end from the hourly ones.
    /// A daily row holds the hourly rows whose hour starts on that local day, so the two never overlap.
    /// </summary>
    private string DailyAndEdgeHours() => $"""
        SELECT (d.day::timestamp AT TIME ZONE b.tz) AS at, d.repository_id, d.pipeline_id, d.job_name, NULL::text AS branch, d.status, d.jobs,
               d.duration_ms, d.queue_ms, NULL::text AS category, NULL::text AS commit_sha
        FROM {Table("job_rollups_daily")} d, days b WHERE d.day >= b.first_day AND d.day < b.end_day {Filters("d")}
        UNION ALL
        SELECT h.hour, h.repository_id, h.pipeline_id, h.job_name, h.branch, h.status, h.jobs, h.duration_ms, h.queue_ms, NULL, NULL
        FROM {Table("job_rollups_hourly")} h, days b WHERE h.hour >= b.from_at AND h.hour < b.head_end {Filters("h")}
        UNION ALL
        SELECT h.hour, h.repository_id, h.pipeline_id, h.job_name, h.branch, h.status, h.jobs, h.duration_ms, h.queue_ms, NULL, NULL
        FROM {Table("job_rollups_hourly")} h, days b WHERE h.hour >= b.tail_start AND h.hour < b.to_at {Filters("h")}
        """;

    private const string Days = """
        days AS (
            SELECT from_at, to_at, tz, first_day, end_day,
                   CASE WHEN first_day < end_day THEN first_day::timestamp AT TIME ZONE tz ELSE to_at END AS head_end,
                   CASE WHEN first_day < end_day THEN end_day::timestamp AT TIME ZONE tz ELSE to_at END AS tail_start
            FROM (SELECT from_at, to_at, tz,
                         (from_at AT TIME ZONE tz)::date + CASE WHEN (from_at AT TIME ZONE tz)::time = '00:00' THEN 0 ELSE 1 END AS first_day,
                         (to_at AT TIME ZONE tz)::date AS end_day
                  FROM p) d)
        """;

    /// <summary>
    /// Default-branch failure streaks of the filtered pipelines: from each pipeline's last success
    /// before the range (so streaks that began earlier are whole) to the end of the range. Runs are
    /// numbered by the successes so far; failures with the same number form one streak, ended by
    /// the success with the next number.
    /// </summary>
    private string Streaks => $"""
        starts AS (
            SELECT pl.id AS pipeline_id, pl.repository_id, r.default_branch AS branch,
                   coalesce((SELECT max(x.finished_at) FROM {Table("pipeline_runs")} x
                             WHERE x.pipeline_id = pl.id AND x.branch = r.default_branch AND x.finished_at IS NOT NULL
                                   AND x.status = 'success' AND x.finished_at < @from), '-infinity') AS since
            FROM {Table("pipelines")} pl JOIN {Table("repositories")} r ON r.id = pl.repository_id
            WHERE r.default_branch IS NOT NULL {Filters("pl", jobColumn: null, pipelineColumn: "id")}),
        numbered AS (
            SELECT s.pipeline_id, s.repository_id, s.branch, x.status, x.finished_at,
                   count(*) FILTER (WHERE x.status = 'success') OVER (PARTITION BY s.pipeline_id ORDER BY x.finished_at, x.id) AS k
            FROM starts s JOIN {Table("pipeline_runs")} x
                 ON x.pipeline_id = s.pipeline_id AND x.branch = s.branch AND x.finished_at IS NOT NULL AND x.finished_at >= s.since
                 AND x.finished_at < @to
            WHERE x.{Decided}),
        streaks AS (
            SELECT f.pipeline_id, f.repository_id, f.branch, min(f.finished_at) AS started_at, count(*) AS failed_runs, min(ok.finished_at) AS resolved_at
            FROM numbered f LEFT JOIN numbered ok ON ok.pipeline_id = f.pipeline_id AND ok.status = 'success' AND ok.k = f.k + 1
            WHERE f.status <> 'success'
            GROUP BY f.pipeline_id, f.repository_id, f.branch, f.k)
        """;

    /// <summary>Filter conditions on the columns a source has; the values are the statement's parameters.</summary>
    private string Filters(string alias, bool branch = false, string? jobColumn = "job_name", string repositoryColumn = "repository_id",
        string pipelineColumn = "pipeline_id", bool category = false)
    {
        var filters = _query.Filters;
        var conditions = new List<string>();
        if (filters.Repository is not null)
            conditions.Add($"{alias}.{repositoryColumn} IN (SELECT id FROM {Table("repositories")} WHERE name = @repository)");
        if (filters.Provider is not null)
            conditions.Add($"{alias}.{repositoryColumn} IN (SELECT id FROM {Table("repositories")} WHERE provider = @provider)");
        if (filters.Pipeline is not null)
            conditions.Add($"{alias}.{pipelineColumn} IN (SELECT id FROM {Table("pipelines")} WHERE name = @pipeline)");
        if (filters.Job is not null && jobColumn is not null) conditions.Add($"{alias}.{jobColumn} = @job");
        if (filters.Branch is not null && branch) conditions.Add($"{alias}.branch = @branch");
        if (filters.Category is not null && category) conditions.Add($"{FailedJobCategory.Of("c")} = @category");
        return string.Concat(conditions.Select(c => $" AND {c}"));
    }

    private string CommonTables(Source source) =>
        string.Join(",\n", new[]
        {
            Params,
            source == Source.Rollups && CanUseDailyRollups ? Days : null,
            source is Source.Recoveries or Source.Broken ? Streaks : null,
        }.Where(t => t is not null));

    private string Value => _query.Metric.Code switch
    {
        "jobs" or "runs" => "sum(jobs)::float8",
        "failures" or "failure_categories" => $"(sum(jobs) FILTER (WHERE {Failed}))::float8",
        "failure_rate" => $"coalesce(sum(jobs) FILTER (WHERE {Failed}), 0)::float8 / nullif(sum(jobs) FILTER (WHERE {Decided}), 0)",
        "success_rate" => $"coalesce(sum(jobs) FILTER (WHERE status = 'success'), 0)::float8 / nullif(sum(jobs) FILTER (WHERE {Decided}), 0)",
        "duration_p50" => "(percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_ms))::float8",
        "duration_p95" => "(percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_ms))::float8",
        "queue_time" => "sum(queue_ms)::float8 / nullif(sum(jobs), 0)",
        "failure_cost" => $"(sum(duration_ms) FILTER (WHERE {Failed}))::float8 / 60000 * (SELECT price FROM p)",
        "mttr" => "avg(duration_ms)::float8",
        "broken_for" => "max(duration_ms)::float8",
        "flaky_commits" => "sum(jobs)::float8",
        _ => throw new ArgumentOutOfRangeException(nameof(_query), _query.Metric.Code, "Not a series metric."),
    };

    // Which groups are "top": the most failures for metrics about failures, the most jobs or runs otherwise.
    private string Weight => _query.Metric.Code switch
    {
        "failures" or "failure_categories" or "failure_cost" => $"sum(jobs) FILTER (WHERE {Failed})",
        "broken_for" => "max(duration_ms)",
        _ => "sum(jobs)",
    };

    // One dimension: its value, as groups were always named; several: the values joined (see MetricGroup), none lost to a null.
    private string GroupExpression => _query.GroupDimensions switch
    {
        [] => "NULL::text",
        [var only] => DimensionExpression(only),
        var dimensions => $"concat_ws(chr({(int)MetricGroup.Separator}), {string.Join(", ", dimensions.Select(d => $"coalesce({DimensionExpression(d)}, '')"))})",
    };

    private static string DimensionExpression(Dimension dimension) => dimension switch
    {
        Dimension.Repository => "rp.name",
        Dimension.Provider => "rp.provider",
        Dimension.Pipeline => "pl.name",
        Dimension.Job => "s.job_name",
        Dimension.Branch => "s.branch",
        Dimension.Category => "s.category",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    private string BucketExpression(string column) => _query.Bucket is { } bucket
        ? $"date_trunc('{EnumCode.Of(bucket)}', {column} AT TIME ZONE (SELECT tz FROM p)) AT TIME ZONE (SELECT tz FROM p)"
        : "NULL::timestamptz";

    private string Buckets => _query.Bucket is { } bucket
        ? $"""
          SELECT generate_series(date_trunc('{EnumCode.Of(bucket)}', from_at AT TIME ZONE tz), to_at AT TIME ZONE tz - interval '1 microsecond',
                                 interval '1 {EnumCode.Of(bucket)}') AT TIME ZONE tz AS bucket FROM p
          """
        : "SELECT NULL::timestamptz AS bucket";

    /// <summary>(group, bucket, value) for every top group × every bucket of the range, in order; empty cells are null.</summary>
    private string SeriesStatement()
    {
        var source = SourceOfQuery();
        var dimensions = _query.GroupDimensions;
        var repositories = dimensions.Any(d => d is Dimension.Repository or Dimension.Provider)
            ? $"JOIN {Table("repositories")} rp ON rp.id = s.repository_id" : "";
        var pipelines = dimensions.Contains(Dimension.Pipeline) ? $"JOIN {Table("pipelines")} pl ON pl.id = s.pipeline_id" : "";
        var names = $"{repositories} {pipelines}";
        var groups = _query.GroupBy is null
            ? "SELECT NULL::text AS grp, 1::bigint AS rank"
            : "SELECT grp, row_number() OVER (ORDER BY sum(weight) DESC NULLS LAST, grp) AS rank FROM agg GROUP BY grp ORDER BY rank LIMIT @top";
        return $"""
            WITH {CommonTables(source)},
            src AS ({SourceRows(source)}),
            agg AS (
                SELECT {BucketExpression("s.at")} AS bucket, {GroupExpression} AS grp, {Value} AS value, {Weight} AS weight
                FROM src s {names}
                GROUP BY 1, 2),
            groups AS ({groups}),
            buckets AS ({Buckets})
            SELECT g.grp, b.bucket, a.value
            FROM groups g CROSS JOIN buckets b
            LEFT JOIN agg a ON coalesce(a.grp, '') = coalesce(g.grp, '') AND coalesce(a.bucket, '-infinity') = coalesce(b.bucket, '-infinity')
            ORDER BY g.rank, b.bucket
            """;
    }

    private string TableStatement()
    {
        var source = SourceOfQuery();
        var repositories = Table("repositories");
        var pipelines = Table("pipelines");
        return _query.Metric.Code switch
        {
            "top_failing_jobs" => $"""
                WITH {CommonTables(source)},
                src AS ({SourceRows(source)}),
                per AS (
                    SELECT repository_id, pipeline_id, job_name, sum(jobs) FILTER (WHERE {Failed}) AS failures, sum(jobs) AS jobs,
                           sum(jobs) FILTER (WHERE {Decided}) AS decided
                    FROM src GROUP BY 1, 2, 3)
                SELECT rp.name, pl.name, per.job_name, per.failures::float8, per.jobs::float8, per.failures::float8 / nullif(per.decided, 0)
                FROM per JOIN {repositories} rp ON rp.id = per.repository_id JOIN {pipelines} pl ON pl.id = per.pipeline_id
                WHERE per.failures > 0
                ORDER BY per.failures DESC, rp.name, pl.name, per.job_name LIMIT @top
                """,
            "flaky_jobs" => $"""
                WITH {CommonTables(source)},
                src AS ({SourceRows(source)}),
                per_commit AS (
                    SELECT repository_id, pipeline_id, job_name, commit_sha, min(at) FILTER (WHERE {Failed}) AS first_failure,
                           max(at) FILTER (WHERE status = 'success') AS last_success, count(*) FILTER (WHERE {Failed}) AS failures
                    FROM src WHERE commit_sha IS NOT NULL AND {Decided} GROUP BY 1, 2, 3, 4),
                per_job AS (
                    SELECT repository_id, pipeline_id, job_name, count(*) AS flaky_commits, sum(failures) AS failures, max(last_success) AS last_seen
                    FROM per_commit WHERE first_failure < last_success GROUP BY 1, 2, 3)
                SELECT rp.name, pl.name, j.job_name, to_char(j.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                       j.flaky_commits::float8, j.failures::float8
                FROM per_job j JOIN {repositories} rp ON rp.id = j.repository_id JOIN {pipelines} pl ON pl.id = j.pipeline_id
                ORDER BY j.flaky_commits DESC, j.failures DESC, rp.name, pl.name, j.job_name LIMIT @top
                """,
            _ => $"""
                WITH {CommonTables(source)}
                SELECT rp.name, pl.name, s.branch, to_char(s.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                       to_char(s.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.failed_runs::float8,
                       extract(epoch FROM (coalesce(s.resolved_at, p.to_at) - s.started_at))::float8 * 1000
                FROM streaks s JOIN {repositories} rp ON rp.id = s.repository_id JOIN {pipelines} pl ON pl.id = s.pipeline_id, p
                WHERE s.resolved_at IS NULL OR s.resolved_at >= p.from_at
                ORDER BY s.started_at DESC, rp.name, pl.name LIMIT @top
                """,
        };
    }
}
