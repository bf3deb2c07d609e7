using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Faultline.Application.Common.Caching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Faultline.Infrastructure.Caching;

public sealed record QueryCacheOptions
{
    /// <summary>How long an entry lives; entries of old data versions are never read again and just age out.</summary>
    public TimeSpan EntryLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long one instance may hold a key's computation before others compute too; the computation
    /// itself is cancelled then (it runs under no caller's token, so this is what bounds it).
    /// </summary>
    public TimeSpan ComputeLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting instance looks for the result another one is computing.</summary>
    public TimeSpan WaitPoll { get; init; } = TimeSpan.FromMilliseconds(15);
}

/// <summary>
/// Query results in Redis, Brotli-compressed JSON. Identical lookups compute once: within this
/// process they share one task; across instances a Redis lease (SET NX PX) elects one computer
/// and the others poll for its result. Whenever Redis is unreachable or fails, lookups compute
/// straight from the database, so answers stay correct, only slower.
/// </summary>
internal sealed class RedisQueryResultCache(RedisConnection redis, QueryCacheOptions options, ILogger<RedisQueryResultCache> logger)
    : IQueryResultCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Compare-and-delete: a lease that expired and was taken by another instance is not ours to end.
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new();

    public async Task<CacheLookup<T>> GetOrComputeAsync<T>(string fingerprint, Func<CancellationToken, Task<T>> compute,
        CancellationToken cancellationToken)
    {
        var database = await redis.ConnectedDatabaseAsync();
        if (database is null) return new CacheLookup<T>(await compute(cancellationToken), Hit: false);

        var key = "query:" + fingerprint;
        try
        {
            var cached = (byte[]?)await database.StringGetAsync(key);
            if (cached is not null) return new CacheLookup<T>(Decode<T>(cached), Hit: true);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Query cache unavailable, computing directly: {Message}", exception.Message);
            return new CacheLookup<T>(await compute(cancellationToken), Hit: false);
        }

        // Every caller decodes the shared bytes, the one that computed them too: one path, and no
        // caller can change an instance another one holds. Each caller waits under its own token only.
        var shared = _inFlight.GetOrAdd(key,
            _ => new Lazy<Task<byte[]>>(() => ShareAsync(database, key, async token => Encode(await compute(token)))));
        return new CacheLookup<T>(Decode<T>(await shared.Value.WaitAsync(cancellationToken)), Hit: false);
    }

    /// <summary>
    /// One computation for every caller of this process waiting on the key, under a token of its own that
    /// ends with the lease (no caller's cancellation ends it); it leaves the in-flight map when done.
    /// </summary>
    private async Task<byte[]> ShareAsync(IDatabase database, string key, Func<CancellationToken, Task<byte[]>> compute)
    {
        try
        {
            using var lease = new CancellationTokenSource(options.ComputeLease);
            return await ComputeOnceAsync(database, key, () => compute(lease.Token));
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    /// <summary>Computes under the key's lease, or waits for the instance holding it; stores what it computed.</summary>
    private async Task<byte[]> ComputeOnceAsync(IDatabase database, string key, Func<Task<byte[]>> compute)
    {
        var lease = key + ":lease";
        var token = Guid.NewGuid().ToString("N");
        var deadline = DateTimeOffset.UtcNow + options.ComputeLease;
        try
        {
            while (!await database.StringSetAsync(lease, token, options.ComputeLease, When.NotExists))
            {
                await Task.Delay(options.WaitPoll);
                if ((byte[]?)await database.StringGetAsync(key) is { } ready) return ready;
                // The holder died or is very slow: compute here rather than wait forever.
                if (DateTimeOffset.UtcNow > deadline) return await compute();
            }
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Query cache lease failed, computing directly: {Message}", exception.Message);
            return await compute();
        }

        try
        {
            // The holder before us may have stored the result between our miss and our lease.
            if ((byte[]?)await database.StringGetAsync(key) is { } stored)
            {
                await database.ScriptEvaluateAsync(ReleaseScript, [lease], [token]);
                return stored;
            }
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Query cache read failed, computing directly: {Message}", exception.Message);
        }

        var encoded = await compute();
        try
        {
            await database.StringSetAsync(key, encoded, options.EntryLifetime);
            await database.ScriptEvaluateAsync(ReleaseScript, [lease], [token]);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            logger.LogWarning("Could not store a query result: {Message}", exception.Message);
        }

        return encoded;
    }

    private static byte[] Encode<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(brotli, value, Json);
        return buffer.ToArray();
    }

    private static T Decode<T>(byte[] encoded)
    {
        using var brotli = new BrotliStream(new MemoryStream(encoded), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(brotli, Json)!;
    }
}
