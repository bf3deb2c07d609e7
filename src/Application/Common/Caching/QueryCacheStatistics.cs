namespace Faultline.Application.Common.Caching;

/// <summary>Process-wide counts of cached lookups and of the computations behind them (the hit ratio metric).</summary>
public sealed class QueryCacheStatistics
{
    private long _hits;
    private long _misses;
    private long _computations;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>How often a handler really ran: below misses when single-flight served waiters from one computation.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    public void RecordLookup(bool hit) => Interlocked.Increment(ref hit ? ref _hits : ref _misses);

    public void RecordComputation() => Interlocked.Increment(ref _computations);
}

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
