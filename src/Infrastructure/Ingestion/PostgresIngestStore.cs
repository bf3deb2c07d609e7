using Faultline.Application.Ingestion;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>
/// The bulk path: binary COPY into temporary staging tables, then set-based upserts by
/// (provider, external id, attempt), the hourly and daily rollups updated by delta (a job's old contribution
/// out, its new one in), the classification queue and the tenant's data version, in one transaction.
/// </summary>
internal sealed class PostgresIngestStore(TenantConnectionFactory connections) : IIngestStore
{
    private static readonly string[] CommonColumns =
        ["ord", "provider", "external_id", "attempt", "repository", "pipeline", "branch", "commit_sha", "status", "queued_at", "started_at", "finished_at"];

    private static readonly string[] RunColumns = [.. CommonColumns, "default_branch", "trigger", "actor"];
    private static readonly string[] JobColumns = [.. CommonColumns, "run_external_id", "name", "runner"];

    public async Task<IReadOnlyList<StoredEvent>> StoreAsync(IReadOnlyList<PipelineEvent> events, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Ingest, cancellationToken);
        var sql = new IngestSql(tenant);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(tenant, sql.LockTenant, cancellationToken);
        await ExecuteAsync(tenant, IngestSql.CreateStaging, cancellationToken);
        var runs = events.Select((e, ord) => (e, ord)).Where(x => x.e is RunEvent).Select(x => ((RunEvent)x.e, x.ord)).ToList();
        var jobs = events.Select((e, ord) => (e, ord)).Where(x => x.e is JobEvent).Select(x => ((JobEvent)x.e, x.ord)).ToList();
        await CopyRunsAsync(tenant.Connection, runs, cancellationToken);
        await CopyJobsAsync(tenant.Connection, jobs, cancellationToken);
        // Temporary tables have no statistics until analysed; without them the planner scans the
        // tenant's big tables instead of probing their unique indexes.
        await ExecuteAsync(tenant, "ANALYZE stage_runs, stage_jobs", cancellationToken);

        await ExecuteAsync(tenant, sql.UpsertDimensions, cancellationToken);
        if (runs.Count > 0) await ExecuteAsync(tenant, sql.UpsertRunsAndLinkJobs, cancellationToken);
        if (jobs.Count > 0) await ExecuteAsync(tenant, sql.UpsertJobsWithRollups, cancellationToken);
        await ExecuteAsync(tenant, sql.BumpDataVersion, cancellationToken);

        var outcomes = new StoredEvent[events.Count];
        await using (var command = new NpgsqlCommand(sql.Outcomes, tenant.Connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var outcome = reader.IsDBNull(2) ? StoreOutcome.Unchanged : reader.GetBoolean(2) ? StoreOutcome.Inserted : StoreOutcome.Updated;
                outcomes[reader.GetInt32(0)] = new StoredEvent(reader.GetInt64(1), outcome);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static async Task ExecuteAsync(TenantConnection tenant, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, tenant.Connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task CopyRunsAsync(NpgsqlConnection connection, List<(RunEvent Run, int Ord)> runs, CancellationToken cancellationToken) =>
        CopyAsync(connection, "stage_runs", RunColumns, runs, async (copy, run) =>
        {
            await WriteTextAsync(copy, run.DefaultBranch, cancellationToken);
            await WriteTextAsync(copy, run.Trigger, cancellationToken);
            await WriteTextAsync(copy, run.Actor, cancellationToken);
        }, cancellationToken);

    private static Task CopyJobsAsync(NpgsqlConnection connection, List<(JobEvent Job, int Ord)> jobs, CancellationToken cancellationToken) =>
        CopyAsync(connection, "stage_jobs", JobColumns, jobs, async (copy, job) =>
        {
            await WriteTextAsync(copy, job.RunExternalId, cancellationToken);
            await WriteTextAsync(copy, job.Name, cancellationToken);
            await WriteTextAsync(copy, job.Runner, cancellationToken);
        }, cancellationToken);

    /// <summary>One binary COPY: the columns every event has, then the kind's own.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, List<(T Event, int Ord)> rows,
        Func<NpgsqlBinaryImporter, T, Task> writeOwnColumns, CancellationToken cancellationToken) where T : PipelineEvent
    {
        if (rows.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (pipelineEvent, ord) in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await WriteCommonAsync(copy, pipelineEvent, ord, cancellationToken);
            await writeOwnColumns(copy, pipelineEvent);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteCommonAsync(NpgsqlBinaryImporter copy, PipelineEvent e, int ord, CancellationToken cancellationToken)
    {
        await copy.WriteAsync(ord, NpgsqlDbType.Integer, cancellationToken);
        await WriteTextAsync(copy, EnumCode.Of(e.Provider), cancellationToken);
        await WriteTextAsync(copy, e.ExternalId, cancellationToken);
        await copy.WriteAsync(e.Attempt, NpgsqlDbType.Integer, cancellationToken);
        await WriteTextAsync(copy, e.Repository, cancellationToken);
        await WriteTextAsync(copy, e.Pipeline, cancellationToken);
        await WriteTextAsync(copy, e.Branch, cancellationToken);
        await WriteTextAsync(copy, e.CommitSha, cancellationToken);
        await WriteTextAsync(copy, e.Status.Code(), cancellationToken);
        await WriteTimeAsync(copy, e.QueuedAt, cancellationToken);
        await WriteTimeAsync(copy, e.StartedAt, cancellationToken);
        await WriteTimeAsync(copy, e.FinishedAt, cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteTimeAsync(NpgsqlBinaryImporter copy, DateTimeOffset? time, CancellationToken cancellationToken) =>
        time is { } value ? copy.WriteAsync(value.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
