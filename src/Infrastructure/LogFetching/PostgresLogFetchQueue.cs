using Faultline.Application.Common.Interfaces;
using Faultline.Application.LogFetching;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.LogFetching;

/// <summary>
/// The current tenant's part of catalog.log_fetches. A claim pushes the row's next attempt a lease ahead
/// (past the longest download), so a crashed worker's claim lapses and another instance retries it.
/// </summary>
internal sealed class PostgresLogFetchQueue(TenantConnectionFactory connections, ICurrentPrincipal principal) : ILogFetchQueue
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async Task EnqueueAsync(Guid webhookId, LogSource source, IReadOnlyCollection<long> jobIds, DateTimeOffset notBefore,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Ingest, cancellationToken);
        // Only the jobs stored as failed (whatever the delivery said) with no log yet, and only for a hook of this tenant with a token.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO catalog.log_fetches (tenant_id, webhook_id, job_id, provider, project, external_job_id, instance_url, next_attempt_at)
            SELECT @tenant, @hook, j.id, j.provider, @project, j.external_id, @instance, @not_before
            FROM {tenant.Qualified("job_runs")} j
            WHERE j.id = ANY(@jobs) AND j.provider = @provider AND j.status IN ('failure', 'timed_out')
              AND NOT EXISTS (SELECT 1 FROM {tenant.Qualified("job_logs")} l WHERE l.job_id = j.id)
              AND EXISTS (SELECT 1 FROM catalog.webhook_tokens t JOIN catalog.webhooks w ON w.id = t.webhook_id
                          WHERE t.webhook_id = @hook AND w.tenant_id = @tenant AND t.token_protected IS NOT NULL)
            ON CONFLICT (tenant_id, job_id) DO NOTHING
            """, tenant.Connection);
        command.Parameters.AddWithValue("tenant", principal.TenantId!.Value);
        command.Parameters.AddWithValue("hook", webhookId);
        command.Parameters.AddWithValue("project", source.Project);
        command.Parameters.Add(new NpgsqlParameter("instance", NpgsqlDbType.Text) { Value = (object?)source.InstanceUrl ?? DBNull.Value });
        command.Parameters.AddWithValue("not_before", notBefore);
        command.Parameters.AddWithValue("jobs", jobIds.ToArray());
        command.Parameters.AddWithValue("provider", EnumCode.Of(source.Provider));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LogFetch>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH claimed AS (
                UPDATE catalog.log_fetches SET attempts = attempts + 1, next_attempt_at = now() + @lease
                WHERE id IN (SELECT id FROM catalog.log_fetches
                             WHERE tenant_id = @tenant AND done_at IS NULL AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED)
                RETURNING id, webhook_id, job_id, provider, project, instance_url, external_job_id, attempts)
            SELECT c.*, t.token_protected, t.api_base_url
            FROM claimed c LEFT JOIN catalog.webhook_tokens t ON t.webhook_id = c.webhook_id
            """, tenant.Connection);
        command.Parameters.AddWithValue("tenant", principal.TenantId!.Value);
        command.Parameters.AddWithValue("lease", Lease);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<LogFetch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = new LogSource(EnumCode.Parse<Provider>(reader.GetString(3)), reader.GetString(4), Text(reader, 5));
            due.Add(new LogFetch(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), source, reader.GetString(6), reader.GetInt32(7),
                Text(reader, 8), Text(reader, 9)));
        }

        return due;
    }

    public async Task RecordAsync(LogFetch fetch, LogFetchAttempt attempt, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        // A rate limit is the token's, not the job's: it costs no attempt, and the hook's other downloads wait for the reset too.
        // The hook shows the last error until a download succeeds.
        await using var command = new NpgsqlCommand("""
            UPDATE catalog.log_fetches
            SET done_at = CASE WHEN @retry_at IS NULL THEN now() END,
                outcome = CASE WHEN @stored THEN 'stored' WHEN @retry_at IS NULL THEN 'gave_up' END,
                next_attempt_at = coalesce(@retry_at, next_attempt_at),
                attempts = attempts - CASE WHEN @rate_limited THEN 1 ELSE 0 END,
                last_error = @error
            WHERE id = @id AND tenant_id = @tenant;

            UPDATE catalog.log_fetches SET next_attempt_at = greatest(next_attempt_at, @retry_at)
            WHERE @rate_limited AND webhook_id = @hook AND tenant_id = @tenant AND done_at IS NULL;

            UPDATE catalog.webhook_tokens
            SET last_fetch_error = @error,
                last_fetch_error_at = CASE WHEN @stored THEN NULL ELSE now() END,
                last_fetched_at = CASE WHEN @stored THEN now() ELSE last_fetched_at END
            WHERE webhook_id = @hook;
            """, tenant.Connection, transaction);
        command.Parameters.AddWithValue("id", fetch.Id);
        command.Parameters.AddWithValue("tenant", principal.TenantId!.Value);
        command.Parameters.AddWithValue("hook", fetch.WebhookId);
        command.Parameters.AddWithValue("stored", attempt.Stored);
        command.Parameters.AddWithValue("rate_limited", attempt.RateLimited);
        command.Parameters.Add(new NpgsqlParameter("retry_at", NpgsqlDbType.TimestampTz) { Value = (object?)attempt.RetryAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)attempt.Error ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
