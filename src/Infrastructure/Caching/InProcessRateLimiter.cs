using System.Collections.Concurrent;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Caching;

/// <summary>Fixed-window counters in this process: the fallback while Redis is unreachable.</summary>
internal sealed class InProcessRateLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public RateLimitDecision Hit(string bucket, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        var current = _windows.AddOrUpdate(bucket,
            _ => new Window(1, now + window),
            (_, existing) => existing.EndsAt <= now ? new Window(1, now + window) : existing with { Count = existing.Count + 1 });
        SweepOccasionally(now);
        return new RateLimitDecision(current.Count <= limit, current.Count, current.EndsAt - now);
    }

    public void Reset(string bucket) => _windows.TryRemove(bucket, out _);

    private void SweepOccasionally(DateTimeOffset now)
    {
        if (_windows.Count < 10_000) return;
        foreach (var (bucket, window) in _windows)
            if (window.EndsAt <= now) _windows.TryRemove(bucket, out _);
    }

    private sealed record Window(long Count, DateTimeOffset EndsAt);
}
