using System.Collections.Concurrent;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Persistence.Migrations;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

/// <summary>
/// The one way to reach tenant data. The tenant comes from the authenticated principal, its schema
/// from the catalog; every table is qualified with that schema, so no query depends on a pooled
/// connection's search_path, and nothing a request carries can point it at another tenant. Each
/// connection takes one of the tenant's slots (<see cref="TenantConnectionLimiter"/>) and runs under the
/// statement timeout of its query class (reset when the pool takes the connection back).
/// </summary>
public sealed class TenantConnectionFactory(NpgsqlDataSource dataSource, ICurrentPrincipal principal, TenantSchemaDirectory directory,
    TenantConnectionLimiter limiter, TenantDatabaseLimits limits)
{
    public async Task<TenantConnection> OpenAsync(QueryClass queryClass, CancellationToken cancellationToken)
    {
        if (principal.TenantId is not { } tenantId) throw new UnauthenticatedException();
        var schema = await directory.SchemaOfAsync(tenantId, cancellationToken)
            ?? throw new NotFoundException("The tenant of this session no longer exists.");

        var slot = await limiter.EnterAsync(tenantId, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var timeout = (long)Math.Ceiling(limits.StatementTimeouts.For(queryClass).TotalMilliseconds);
            await using var command = new NpgsqlCommand($"SET statement_timeout = {timeout}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new TenantConnection(connection, schema, slot);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            slot.Dispose();
            throw;
        }
    }
}

/// <summary>An open connection and the schema of the tenant it serves; disposing it gives back the tenant's slot.</summary>
public sealed class TenantConnection(NpgsqlConnection connection, string schema, IDisposable? slot = null) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public string Schema { get; } = schema;

    /// <summary>The schema-qualified, quoted name of one of the tenant's tables or functions.</summary>
    public string Qualified(string name) => $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(name)}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        finally
        {
            slot?.Dispose();
        }
    }
}

/// <summary>Tenant id → schema name, read from the catalog once per tenant (a schema is never renamed).</summary>
public sealed class TenantSchemaDirectory(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<Guid, string> _schemas = new();

    public async Task<string?> SchemaOfAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (_schemas.TryGetValue(tenantId, out var cached)) return cached;

        await using var command = dataSource.CreateCommand("SELECT schema_name FROM catalog.tenants WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        if (await command.ExecuteScalarAsync(cancellationToken) is not string schema) return null;
        return _schemas.GetOrAdd(tenantId, schema);
    }
}
