using Faultline.Application.Common.Caching;
using Faultline.Application.Common.Interfaces;
using Faultline.TestSupport;

namespace Faultline.Infrastructure.Tests;

/// <summary>The Redis adapters against the test Redis, and against a port where none listens.</summary>
public sealed class RedisAdapterTests : DatabaseTest
{
    private static string RedisThatIsDown => $"127.0.0.1:{TestStack.ClosedPort()},connectTimeout=500";

    [Fact]
    public async Task Rate_limits_still_hold_in_process_while_redis_is_down()
    {
        await using var harness = new InfrastructureHarness(Database, redis: RedisThatIsDown);
        var limiter = harness.Get<IRateLimiter>();
        var bucket = "test:" + Guid.NewGuid();

        Assert.True((await limiter.HitAsync(bucket, 2, TimeSpan.FromMinutes(1), CancellationToken.None)).Allowed);
        Assert.True((await limiter.HitAsync(bucket, 2, TimeSpan.FromMinutes(1), CancellationToken.None)).Allowed);
        Assert.False((await limiter.HitAsync(bucket, 2, TimeSpan.FromMinutes(1), CancellationToken.None)).Allowed);

        await limiter.ResetAsync(bucket, CancellationToken.None);
        Assert.True((await limiter.HitAsync(bucket, 2, TimeSpan.FromMinutes(1), CancellationToken.None)).Allowed);
    }

    [Fact]
    public async Task Queries_compute_directly_while_redis_is_down()
    {
        await using var harness = new InfrastructureHarness(Database, redis: RedisThatIsDown);
        var cache = harness.Get<IQueryResultCache>();
        var fingerprint = Guid.NewGuid().ToString("N");
        var computations = 0;

        for (var i = 1; i <= 2; i++)
        {
            var lookup = await cache.GetOrComputeAsync(fingerprint, _ => Task.FromResult(Interlocked.Increment(ref computations)), CancellationToken.None);
            Assert.Equal(new CacheLookup<int>(i, Hit: false), lookup);
        }
    }

    [Fact]
    public async Task A_shared_computation_runs_under_its_own_token_and_outlives_the_caller_that_started_it()
    {
        await using var harness = new InfrastructureHarness(Database);
        var cache = harness.Get<IQueryResultCache>();
        var fingerprint = Guid.NewGuid().ToString("N");
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;
        using var leaving = new CancellationTokenSource();

        var first = cache.GetOrComputeAsync(fingerprint, async token =>
        {
            Interlocked.Increment(ref computations);
            started.SetResult(token);
            await release.Task.WaitAsync(token);
            return "answer";
        }, leaving.Token);
        var computationToken = await started.Task;
        var second = cache.GetOrComputeAsync(fingerprint, _ => Task.FromResult(Interlocked.Increment(ref computations).ToString()), CancellationToken.None);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(computationToken.IsCancellationRequested);
        release.SetResult();

        Assert.Equal("answer", (await second).Value);
        Assert.Equal(1, computations);
    }
}
