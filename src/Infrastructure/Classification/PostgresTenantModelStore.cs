using System.Security.Cryptography;
using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Infrastructure.Persistence;
using Npgsql;

namespace Faultline.Infrastructure.Classification;

/// <summary>The current tenant's trained models, in its schema's tenant_models table.</summary>
internal sealed class PostgresTenantModelStore(TenantConnectionFactory connections) : ITenantModelStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(TenantModelCard card, byte[] onnx, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(tenant.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    DELETE FROM {tenant.Qualified("tenant_models")} m
                    WHERE NOT EXISTS (SELECT 1 FROM {tenant.Qualified("settings")} s
                                      WHERE m.version IN (s.classifier_model, s.challenger_model))
                    """),
                new NpgsqlBatchCommand($"""
                    INSERT INTO {tenant.Qualified("tenant_models")} (version, featurizer_version, card, onnx, sha256, created_at, created_by)
                    VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
                    ON CONFLICT (version) DO UPDATE SET card = excluded.card, created_at = excluded.created_at, created_by = excluded.created_by
                    """)
                {
                    Parameters =
                    {
                        new() { Value = card.Version }, new() { Value = card.FeaturizerVersion }, new() { Value = JsonSerializer.Serialize(card, Json) },
                        new() { Value = onnx }, new() { Value = Convert.ToHexStringLower(SHA256.HashData(onnx)) }, new() { Value = card.CreatedAt },
                        new() { Value = card.CreatedBy },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TenantModelCard>> ListAsync(CancellationToken cancellationToken) =>
        await ReadCardsAsync(null, cancellationToken);

    public async Task<TenantModelCard?> FindAsync(string version, CancellationToken cancellationToken) =>
        (await ReadCardsAsync(version, cancellationToken)).SingleOrDefault();

    public async Task<byte[]?> ReadOnnxAsync(string version, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT onnx, sha256 FROM {tenant.Qualified("tenant_models")} WHERE version = $1", tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var onnx = reader.GetFieldValue<byte[]>(0);
        // Served bytes are the trained ones: a damaged row must not classify anything.
        if (Convert.ToHexStringLower(SHA256.HashData(onnx)) != reader.GetString(1))
            throw new InvalidDataException($"Tenant model {version} does not match the SHA-256 it was stored with.");
        return onnx;
    }

    public async Task<bool> DeleteAsync(string version, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {tenant.Qualified("tenant_models")} WHERE version = $1", tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<LabelledJob>> ListLabelledJobsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT f.job_id, f.category
            FROM {tenant.Qualified("classification_feedback")} f
            WHERE EXISTS (SELECT 1 FROM {tenant.Qualified("job_logs")} l WHERE l.job_id = f.job_id)
            ORDER BY f.created_at DESC, f.job_id DESC LIMIT $1
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var jobs = new List<LabelledJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) jobs.Add(new LabelledJob(reader.GetInt64(0), reader.GetString(1)));
        return jobs;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLabelsAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT f.category, count(*)::int
            FROM {tenant.Qualified("classification_feedback")} f
            WHERE EXISTS (SELECT 1 FROM {tenant.Qualified("job_logs")} l WHERE l.job_id = f.job_id)
            GROUP BY f.category ORDER BY f.category
            """, tenant.Connection);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    private async Task<IReadOnlyList<TenantModelCard>> ReadCardsAsync(string? version, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT card FROM {tenant.Qualified("tenant_models")} WHERE $1::text IS NULL OR version = $1 ORDER BY created_at DESC, version
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var cards = new List<TenantModelCard>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) cards.Add(JsonSerializer.Deserialize<TenantModelCard>(reader.GetString(0), Json)!);
        return cards;
    }
}
