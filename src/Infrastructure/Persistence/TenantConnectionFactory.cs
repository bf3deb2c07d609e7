using System.Collections.Concurrent;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Persistence.Migrations;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

/// <summary>
/// The one way to reach tenant data. The tenant comes from the authenticated principal, its schema
/// from the catalog; every table is qualified with that schema, so no query depends on a pooled
/// connection's search_path, and nothing a request carries can point it at another tenant.
/// </summary>
public sealed class TenantConnectionFactory(NpgsqlDataSource dataSource, ICurrentPrincipal principal, TenantSchemaDirectory directory)
{
    public async Task<TenantConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (principal.TenantId is not { } tenantId) throw new UnauthenticatedException();
        var schema = await directory.SchemaOfAsync(tenantId, cancellationToken)
            ?? throw new NotFoundException("The tenant of this session no longer exists.");
        return new TenantConnection(await dataSource.OpenConnectionAsync(cancellationToken), schema);
    }
}

/// <summary>An open connection and the schema of the tenant it serves.</summary>
public sealed class TenantConnection(NpgsqlConnection connection, string schema) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public string Schema { get; } = schema;

    /// <summary>The schema-qualified, quoted name of one of the tenant's tables or functions.</summary>
    public string Qualified(string name) => $"{SqlIdentifier.Quote(Schema)}.{SqlIdentifier.Quote(name)}";

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
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
