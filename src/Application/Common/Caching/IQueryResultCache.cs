namespace Faultline.Application.Common.Caching;

/// <summary>A value and whether it came from the cache.</summary>
public sealed record CacheLookup<T>(T Value, bool Hit);

/// <summary>
/// Shared results of read queries. Identical concurrent lookups compute once (single-flight, across
/// instances); when the cache is unreachable every lookup simply computes.
/// </summary>
public interface IQueryResultCache
{
    /// <param name="compute">Gets the token the computation runs under: a shared computation has one of its
    /// own, bounded by a timeout, since it serves every waiter and must not end when the first caller leaves.</param>
    /// <param name="cancellationToken">This caller's: cancelling it ends only this caller's wait.</param>
    Task<CacheLookup<T>> GetOrComputeAsync<T>(string fingerprint, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken);
}
