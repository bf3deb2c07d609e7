using Faultline.Application.Runs;
using Faultline.Infrastructure.Persistence;
using Npgsql;

namespace Faultline.Infrastructure.Ingestion;

internal sealed class PostgresJobLogStore(TenantConnectionFactory connections) : IJobLogStore
{
    public async Task<bool> JobExistsAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {tenant.Qualified("job_runs")} WHERE id = $1)", tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task SaveAsync(long jobId, byte[] gzip, long originalBytes, long storedBytes, bool truncated, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(tenant.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    INSERT INTO {tenant.Qualified("job_logs")} (job_id, content_gzip, original_size, stored_size, truncated)
                    VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (job_id) DO UPDATE SET content_gzip = excluded.content_gzip, original_size = excluded.original_size,
                        stored_size = excluded.stored_size, truncated = excluded.truncated, received_at = now()
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter { Value = jobId }, new NpgsqlParameter { Value = gzip }, new NpgsqlParameter { Value = originalBytes },
                        new NpgsqlParameter { Value = storedBytes }, new NpgsqlParameter { Value = truncated },
                    },
                },
                // A queued failure wakes the background classifiers when the transaction commits.
                new NpgsqlBatchCommand($"""
                    WITH queued AS (
                        INSERT INTO {tenant.Qualified("classification_queue")} (job_id)
                        SELECT id FROM {tenant.Qualified("job_runs")} WHERE id = $1 AND status IN ('failure', 'timed_out')
                        ON CONFLICT (job_id) DO NOTHING
                        RETURNING job_id)
                    SELECT pg_notify('{Classification.PostgresClassificationStore.Channel}', $2) FROM queued
                    """)
                {
                    Parameters = { new NpgsqlParameter { Value = jobId }, new NpgsqlParameter { Value = tenant.Schema } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
