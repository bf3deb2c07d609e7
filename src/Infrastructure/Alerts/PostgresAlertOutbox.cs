using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Alerts;

/// <summary>
/// The current tenant's due deliveries in the catalog outbox. A claim pushes the row's next attempt
/// a lease ahead, so a crashed sender's claim lapses and another instance retries it.
/// </summary>
internal sealed class PostgresAlertOutbox(TenantConnectionFactory connections, ICurrentPrincipal principal) : IAlertOutbox
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<PendingDelivery>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE catalog.alert_outbox SET attempts = attempts + 1, next_attempt_at = now() + @lease
            WHERE id IN (SELECT id FROM catalog.alert_outbox
                         WHERE tenant_id = @tenant AND done_at IS NULL AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING id, channel_id, attempts, notification::text
            """, tenant.Connection);
        command.Parameters.AddWithValue("tenant", principal.TenantId!.Value);
        command.Parameters.AddWithValue("lease", Lease);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<PendingDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var notification = JsonSerializer.Deserialize<AlertNotification>(reader.GetString(3), AlertRows.Json)!;
            // Rows written before messages listed their groups have none: they are still sent, as the rule's message.
            due.Add(new PendingDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), notification.Groups is null ? notification with { Groups = [] } : notification));
        }

        return due;
    }

    public async Task RecordAttemptAsync(PendingDelivery delivery, DateTimeOffset? retryAt, bool done, AlertHistoryEntry entry,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("""
            UPDATE catalog.alert_outbox
            SET done_at = CASE WHEN @done THEN now() END, next_attempt_at = coalesce(@retry_at, next_attempt_at), last_error = @error
            WHERE id = @id AND tenant_id = @tenant
            """, tenant.Connection, transaction))
        {
            command.Parameters.AddWithValue("id", delivery.Id);
            command.Parameters.AddWithValue("tenant", principal.TenantId!.Value);
            command.Parameters.AddWithValue("done", done);
            command.Parameters.Add(new NpgsqlParameter("retry_at", NpgsqlDbType.TimestampTz) { Value = (object?)retryAt ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)(entry.Outcome == "sent" ? null : entry.Detail) ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var history = AlertRows.InsertHistory(new TenantTransaction(tenant, transaction), [entry]))
            await history.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
