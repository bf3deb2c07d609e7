using Faultline.Application.Common.Caching;
using Faultline.Infrastructure.Persistence;
using Npgsql;

namespace Faultline.Infrastructure.Analytics;

/// <summary>
/// The version kept in the tenant's settings row, bumped by ingestion in its own transaction. Read
/// once per request (scoped): a dashboard's widgets all use the version seen when the request began.
/// </summary>
internal sealed class PostgresTenantDataVersion(TenantConnectionFactory connections) : ITenantDataVersion
{
    private Task<long>? _current;

    public Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        return _current ??= ReadAsync();

        async Task<long> ReadAsync()
        {
            await using var tenant = await connections.OpenAsync(QueryClass.Analytics, cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT data_version FROM {tenant.Qualified("settings")}", tenant.Connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }
}
