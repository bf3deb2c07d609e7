namespace Faultline.Application.Common.Caching;

/// <summary>Whether this request's cached lookups hit: "hit", "miss" or "partial" (null when none ran).</summary>
public sealed class QueryCacheOutcome
{
    private int _hits;
    private int _misses;

    public void Record(bool hit) => Interlocked.Increment(ref hit ? ref _hits : ref _misses);

    public string? Summary => (Volatile.Read(ref _hits), Volatile.Read(ref _misses)) switch
    {
        (0, 0) => null,
        (_, 0) => "hit",
        (0, _) => "miss",
        _ => "partial",
    };
}
