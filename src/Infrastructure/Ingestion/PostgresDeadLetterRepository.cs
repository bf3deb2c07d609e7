using System.Text.Json;
using Faultline.Application.Webhooks;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>Dead letters in the tenant's schema; the body is bytea, kept byte for byte.</summary>
internal sealed class PostgresDeadLetterRepository(TenantConnectionFactory connections) : IDeadLetterRepository
{
    private const string Table = "webhook_dead_letters";
    private const string EntryColumns = "id, hook_id, provider, event_type, delivery_id, reasons, attempts, received_at, last_attempt_at";

    public async Task<Guid> KeepAsync(Guid? id, WebhookDelivery delivery, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        if (id is { } replayed)
        {
            await ExecuteAsync(table => $"UPDATE {table} SET reasons = $2, attempts = attempts + 1, last_attempt_at = now() WHERE id = $1",
                cancellationToken, replayed, reasons.ToArray());
            return replayed;
        }

        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified(Table)} AS kept
                (id, hook_id, provider, event_type, delivery_id, content_type, headers, body, reasons, attempts, received_at, last_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, now(), now())
            ON CONFLICT (hook_id, delivery_id) DO UPDATE SET provider = excluded.provider, event_type = excluded.event_type,
                content_type = excluded.content_type, headers = excluded.headers, body = excluded.body, reasons = excluded.reasons,
                attempts = kept.attempts + 1, received_at = excluded.received_at, last_attempt_at = excluded.last_attempt_at
            RETURNING id
            """, tenant.Connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = Guid.CreateVersion7() }, new NpgsqlParameter { Value = delivery.HookId },
                new NpgsqlParameter { Value = EnumCode.Of(delivery.Provider) }, new NpgsqlParameter { Value = delivery.EventType },
                new NpgsqlParameter { Value = (object?)delivery.DeliveryId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = (object?)delivery.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new NpgsqlParameter { Value = JsonSerializer.Serialize(delivery.Headers), NpgsqlDbType = NpgsqlDbType.Jsonb },
                new NpgsqlParameter { Value = delivery.Body }, new NpgsqlParameter { Value = reasons.ToArray() },
            },
        };
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<DeadLetterEntry>> PageAsync((DateTimeOffset At, Guid Id)? before, int limit, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        // Keyset paging on (received_at DESC, id DESC): every page costs the same.
        await using var command = new NpgsqlCommand($"""
            SELECT {EntryColumns} FROM {tenant.Qualified(Table)}
            {(before is null ? "" : "WHERE (received_at, id) < ($2, $3)")}
            ORDER BY received_at DESC, id DESC LIMIT $1
            """, tenant.Connection) { Parameters = { new NpgsqlParameter { Value = limit } } };
        if (before is { } position)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = position.At });
            command.Parameters.Add(new NpgsqlParameter { Value = position.Id });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DeadLetterEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(ReadEntry(reader));
        return entries;
    }

    public async Task<DeadLetter?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {EntryColumns}, content_type, headers::text, body FROM {tenant.Qualified(Table)} WHERE id = $1", tenant.Connection)
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var entry = ReadEntry(reader);
        var delivery = new WebhookDelivery(entry.HookId, entry.Provider, entry.EventType, entry.DeliveryId, reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.GetFieldValue<byte[]>(11), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10))!);
        return new DeadLetter(entry, delivery);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await ExecuteAsync(table => $"DELETE FROM {table} WHERE id = $1", cancellationToken, id) == 1;

    public Task ResolveAsync(Guid hookId, string deliveryId, CancellationToken cancellationToken) =>
        ExecuteAsync(table => $"DELETE FROM {table} WHERE hook_id = $1 AND delivery_id = $2", cancellationToken, hookId, deliveryId);

    /// <summary>One statement on the table, its parameters in order; returns the rows it changed.</summary>
    private async Task<int> ExecuteAsync(Func<string, string> sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(sql(tenant.Qualified(Table)), tenant.Connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DeadLetterEntry ReadEntry(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), EnumCode.Parse<Provider>(reader.GetString(2)), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<string[]>(5), reader.GetInt32(6),
            reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8));
}
