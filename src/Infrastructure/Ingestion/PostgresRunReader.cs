using Faultline.Application.Runs;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Classification;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>Runs, jobs and logs of the current tenant, newest first on the (sort time, id) indexes.</summary>
internal sealed class PostgresRunReader(TenantConnectionFactory connections) : IRunReader
{
    // The order of the lists, matching the expression indexes of the migration.
    private static string SortedAt(string alias) => $"coalesce({alias}.started_at, {alias}.queued_at, {alias}.updated_at)";

    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        var sorted = SortedAt("r");
        await using var command = new NpgsqlCommand($"""
            SELECT {RunColumns(tenant)}
            WHERE {Filters("r", sorted)}
            ORDER BY {sorted} DESC, r.id DESC LIMIT $12
            """, tenant.Connection);
        AddFilterParameters(command, filter, after);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAllAsync(command, ReadRun, cancellationToken);
    }

    public async Task<IReadOnlyList<JobSummary>> ListJobsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        var sorted = SortedAt("j");
        await using var command = new NpgsqlCommand($"""
            SELECT {JobColumns(tenant)}
            WHERE {Filters("j", sorted)} AND ($13::text IS NULL OR j.name = $13)
              AND ($14::text IS NULL OR (j.{FailedJobCategory.IsFailed} AND {FailedJobCategory.Of("c")} = $14))
            ORDER BY {sorted} DESC, j.id DESC LIMIT $12
            """, tenant.Connection);
        AddFilterParameters(command, filter, after);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(Text(filter.Job));
        command.Parameters.Add(Text(filter.Category));
        return await ReadAllAsync(command, ReadJob, cancellationToken);
    }

    public async Task<RunDetail?> GetRunAsync(long id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var runCommand = new NpgsqlCommand($"SELECT {RunColumns(tenant)} WHERE r.id = $1", tenant.Connection);
        runCommand.Parameters.Add(new NpgsqlParameter { Value = id });
        var run = (await ReadAllAsync(runCommand, ReadRun, cancellationToken)).SingleOrDefault();
        if (run is null) return null;

        await using var jobsCommand = new NpgsqlCommand($"SELECT {JobColumns(tenant)} WHERE j.run_id = $1 ORDER BY j.started_at NULLS LAST, j.name, j.id",
            tenant.Connection);
        jobsCommand.Parameters.Add(new NpgsqlParameter { Value = id });
        return new RunDetail(run, await ReadAllAsync(jobsCommand, ReadJob, cancellationToken));
    }

    public async Task<JobDetail?> GetJobAsync(long id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {JobColumns(tenant, ", l.original_size, l.stored_size, l.truncated, l.received_at")} WHERE j.id = $1
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (await ReadAllAsync(command, reader => new JobDetail(ReadJob(reader),
            reader.IsDBNull(20) ? null : new LogInfo(reader.GetInt64(20), reader.GetInt64(21), reader.GetBoolean(22), reader.GetFieldValue<DateTimeOffset>(23))),
            cancellationToken)).SingleOrDefault();
    }

    public async Task<StoredLog?> GetLogAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT content_gzip, original_size, stored_size, truncated, received_at FROM {tenant.Qualified("job_logs")} WHERE job_id = $1",
            tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        return (await ReadAllAsync(command, reader => new StoredLog(reader.GetFieldValue<byte[]>(0),
            new LogInfo(reader.GetInt64(1), reader.GetInt64(2), reader.GetBoolean(3), reader.GetFieldValue<DateTimeOffset>(4))), cancellationToken))
            .SingleOrDefault();
    }

    private static string RunColumns(TenantConnection tenant) => $"""
        r.id, r.provider, r.external_id, r.attempt, repo.name, p.name, r.branch, r.commit_sha, r.trigger, r.actor, r.status,
               r.queued_at, r.started_at, r.finished_at, {SortedAt("r")}
        FROM {tenant.Qualified("pipeline_runs")} r
        JOIN {tenant.Qualified("repositories")} repo ON repo.id = r.repository_id
        JOIN {tenant.Qualified("pipelines")} p ON p.id = r.pipeline_id
        """;

    private static string JobColumns(TenantConnection tenant, string extraColumns = "") => $"""
        j.id, j.run_id, j.provider, j.external_id, j.attempt, repo.name, p.name, j.branch, j.commit_sha, j.name, j.runner, j.status,
               j.queued_at, j.started_at, j.finished_at, l.job_id IS NOT NULL, {SortedAt("j")},
               CASE WHEN j.{FailedJobCategory.IsFailed} THEN {FailedJobCategory.Of("c")} END,
               CASE WHEN j.{FailedJobCategory.IsFailed} THEN c.confidence END,
               j.updated_at{extraColumns}
        FROM {tenant.Qualified("job_runs")} j
        JOIN {tenant.Qualified("repositories")} repo ON repo.id = j.repository_id
        JOIN {tenant.Qualified("pipelines")} p ON p.id = j.pipeline_id
        LEFT JOIN {tenant.Qualified("job_logs")} l ON l.job_id = j.id
        LEFT JOIN {tenant.Qualified("job_classifications")} c ON c.job_id = j.id
        """;

    // $1..$11: repository, pipeline, branch, status, provider, from, to, finished from, finished to, and the (time, id) to continue after.
    private static string Filters(string alias, string sorted) => $"""
        ($1::text IS NULL OR repo.name = $1) AND ($2::text IS NULL OR p.name = $2) AND ($3::text IS NULL OR {alias}.branch = $3)
          AND ($4::text IS NULL OR {alias}.status = $4) AND ($5::text IS NULL OR {alias}.provider = $5)
          AND ($6::timestamptz IS NULL OR {sorted} >= $6) AND ($7::timestamptz IS NULL OR {sorted} < $7)
          AND ($8::timestamptz IS NULL OR {alias}.finished_at >= $8) AND ($9::timestamptz IS NULL OR {alias}.finished_at < $9)
          AND ($10::timestamptz IS NULL OR ({sorted}, {alias}.id) < ($10, $11))
        """;

    private static void AddFilterParameters(NpgsqlCommand command, RunFilter filter, (DateTimeOffset At, long Id)? after)
    {
        command.Parameters.Add(Text(filter.Repository));
        command.Parameters.Add(Text(filter.Pipeline));
        command.Parameters.Add(Text(filter.Branch));
        command.Parameters.Add(Text(PipelineStatuses.Normalize(filter.Status)?.Code()));
        command.Parameters.Add(Text(filter.Provider));
        command.Parameters.Add(Time(filter.From));
        command.Parameters.Add(Time(filter.To));
        command.Parameters.Add(Time(filter.FinishedFrom));
        command.Parameters.Add(Time(filter.FinishedTo));
        command.Parameters.Add(Time(after?.At));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)after?.Id ?? DBNull.Value });
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)value?.UtcDateTime ?? DBNull.Value };

    private static RunSummary ReadRun(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.GetString(6), Nullable(r, 7),
        Nullable(r, 8), Nullable(r, 9), r.GetString(10), Time(r, 11), Time(r, 12), Time(r, 13), Duration(Time(r, 12), Time(r, 13)),
        r.GetFieldValue<DateTimeOffset>(14));

    private static JobSummary ReadJob(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetString(6),
        r.GetString(7), Nullable(r, 8), r.GetString(9), Nullable(r, 10), r.GetString(11), Time(r, 12), Time(r, 13), Time(r, 14),
        Duration(Time(r, 13), Time(r, 14)), r.GetBoolean(15), r.GetFieldValue<DateTimeOffset>(16), Nullable(r, 17),
        r.IsDBNull(18) ? null : Math.Round(r.GetFloat(18), 4));

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static long? Duration(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e ? (long)(e - s).TotalMilliseconds : null;

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
