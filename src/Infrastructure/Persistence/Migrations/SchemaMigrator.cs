using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Persistence.Migrations;

/// <summary>
/// Brings the catalog schema and every tenant schema to the current version. Each schema records
/// the versions applied to it in its own schema_migrations table. A PostgreSQL advisory lock
/// serialises migrators (several WebApi instances starting at once) and tenant provisioning.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    public const string CatalogSchema = "catalog";

    // An arbitrary constant shared by every Faultline process: "FLT" + "MIGR".
    private const long AdvisoryLockKey = 0x464C54_4D494752;

    private static readonly IReadOnlyList<MigrationScript> CatalogScripts = MigrationScript.Load("Catalog");
    private static readonly IReadOnlyList<MigrationScript> TenantScripts = MigrationScript.Load("Tenant");

    private volatile bool _completed;

    public static int CatalogVersion => CatalogScripts[^1].Version;

    public static int TenantVersion => TenantScripts[^1].Version;

    /// <summary>True once <see cref="MigrateAllAsync"/> has finished in this process.</summary>
    public bool Completed => _completed;

    public async Task MigrateAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await MigrateInOwnTransactionAsync(connection, CatalogSchema, CatalogScripts, cancellationToken);
            foreach (var schema in await TenantSchemasAsync(connection, cancellationToken))
                await MigrateInOwnTransactionAsync(connection, schema, TenantScripts, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }

        _completed = true;
    }

    /// <summary>
    /// Creates a new tenant's schema at the current version inside the caller's transaction, so
    /// the catalog row and the schema appear together or not at all.
    /// </summary>
    internal static async Task CreateTenantSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string schema, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ApplyPendingAsync(connection, transaction, schema, TenantScripts, cancellationToken);
    }

    private async Task MigrateInOwnTransactionAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await ApplyPendingAsync(connection, transaction, schema, scripts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (applied > 0) logger.LogInformation("Applied {Count} migration(s) to schema {Schema}", applied, schema);
    }

    private static async Task<int> ApplyPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string schema, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        var quoted = SqlIdentifier.Quote(schema);
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {quoted};
            CREATE TABLE IF NOT EXISTS {quoted}.schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand($"SELECT version FROM {quoted}.schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));

        var pending = scripts.Where(s => !applied.Contains(s.Version)).ToList();
        foreach (var script in pending)
        {
            // SET LOCAL ends with the transaction, so no pooled connection keeps this search_path.
            await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {quoted}", cancellationToken);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                $"INSERT INTO {quoted}.schema_migrations (version, name) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        return pending.Count;
    }

    private static async Task<IReadOnlyList<string>> TenantSchemasAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using var command = new NpgsqlCommand("SELECT schema_name FROM catalog.tenants ORDER BY schema_name", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));
        return schemas;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
