using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Faultline.Infrastructure.Caching;

/// <summary>
/// One multiplexer per process, connected on first use. abortConnect=false lets the service start
/// while Redis is down; the multiplexer keeps reconnecting in the background. Commands fail at once
/// while it is disconnected (no backlog), so callers fall back instead of waiting for a timeout.
/// </summary>
/// <param name="keyPrefix">Starts every key the databases it hands out see, so several deployments (or test runs)
/// can share one Redis.</param>
public sealed class RedisConnection(string configuration, string keyPrefix = "faultline:") : IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    /// <summary>Whether an exception says Redis failed (unreachable, erroring or timing out): callers then fall back.</summary>
    public static bool IsFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase().WithKeyPrefix(keyPrefix);

    /// <summary>The database if Redis is connected right now, else null, without waiting on a timeout.</summary>
    public async Task<IDatabase?> ConnectedDatabaseAsync()
    {
        var multiplexer = await _multiplexer.Value;
        return multiplexer.IsConnected ? multiplexer.GetDatabase().WithKeyPrefix(keyPrefix) : null;
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
            _multiplexer.Value.Result.Dispose();
    }
}
