using Faultline.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Faultline.Infrastructure.Caching;

/// <summary>
/// Fixed-window counters in Redis, shared by every instance. While Redis is unreachable the limits
/// still hold per instance, through the in-process fallback.
/// </summary>
internal sealed class RedisRateLimiter(RedisConnection redis, InProcessRateLimiter fallback, ILogger<RedisRateLimiter> logger) : IRateLimiter
{
    private const string KeyPrefix = "ratelimit:";

    // INCR and the first window's expiry in one step, so no counter lives forever.
    private const string HitScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public async Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var database = await redis.ConnectedDatabaseAsync();
        if (database is null) return fallback.Hit(bucket, limit, window);
        try
        {
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(HitScript, [KeyPrefix + bucket], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            return new RateLimitDecision(count <= limit, count, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])));
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Rate limiting in process: Redis failed ({Message})", exception.Message);
            return fallback.Hit(bucket, limit, window);
        }
    }

    public async Task ResetAsync(string bucket, CancellationToken cancellationToken)
    {
        fallback.Reset(bucket);
        var database = await redis.ConnectedDatabaseAsync();
        if (database is null) return;
        try
        {
            await database.KeyDeleteAsync(KeyPrefix + bucket);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Could not reset rate limit {Bucket}: {Message}", bucket, exception.Message);
        }
    }
}
