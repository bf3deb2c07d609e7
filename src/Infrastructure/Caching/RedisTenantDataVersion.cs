using Faultline.Application.Ingestion;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Faultline.Infrastructure.Caching;

/// <summary>
/// INCR of the tenant's data version key. Cached analytics are keyed by this version, so one bump
/// makes all of them stale at once; old entries simply age out. When Redis is down there is no
/// cache to invalidate either, so a failed bump is logged, not thrown.
/// </summary>
internal sealed class RedisTenantDataVersion(RedisConnection redis, ILogger<RedisTenantDataVersion> logger) : ITenantDataVersion
{
    public async Task BumpAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var database = await redis.ConnectedDatabaseAsync();
        try
        {
            if (database is not null) await database.StringIncrementAsync($"{redis.KeyPrefix}tenant:{tenantId}:data-version");
        }
        catch (RedisException exception)
        {
            logger.LogWarning("Could not bump the data version of tenant {Tenant}: {Message}", tenantId, exception.Message);
        }
    }
}
