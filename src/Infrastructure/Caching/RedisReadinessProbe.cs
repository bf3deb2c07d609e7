using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Caching;

internal sealed class RedisReadinessProbe(RedisConnection redis) : IReadinessProbe
{
    public string Name => "redis";

    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        await database.PingAsync();
        return null;
    }
}
