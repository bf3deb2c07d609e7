using Faultline.Application.Common.Security;
using Faultline.Domain.Authorization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// Runs a request for one tenant outside any HTTP request: in its own scope, as a named system
/// actor holding only the given permissions, through the same MediatR pipeline (authorization
/// included) a request would take. Its log lines, and the error reports made of them, name the tenant and the work.
/// </summary>
public sealed class BackgroundWork(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, ILogger<BackgroundWork> logger)
{
    public async Task<T> SendAsync<T>(Guid tenantId, string actor, IReadOnlySet<Permission> permissions, IRequest<T> request,
        CancellationToken cancellationToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object>
        {
            ["TenantId"] = tenantId.ToString(), ["Actor"] = actor, ["Work"] = request.GetType().Name,
        });
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalOverride>().Principal = new BackgroundPrincipal(tenantId, actor, permissions);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    /// <summary>Every tenant's id, or the one whose schema is <paramref name="schema"/> (null: all).</summary>
    public async Task<List<Guid>> TenantsAsync(string? schema, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM catalog.tenants WHERE $1::text IS NULL OR schema_name = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)schema ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var tenants = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) tenants.Add(reader.GetGuid(0));
        return tenants;
    }
}
