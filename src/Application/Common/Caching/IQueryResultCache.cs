namespace Faultline.Application.Common.Caching;

/// <summary>A value and whether it came from the cache.</summary>
public sealed record CacheLookup<T>(T Value, bool Hit);

/// <summary>
/// Shared results of read queries. Identical concurrent lookups compute once (single-flight, across
/// instances); when the cache is unreachable every lookup simply computes.
/// </summary>
public interface IQueryResultCache
{
    Task<CacheLookup<T>> GetOrComputeAsync<T>(string fingerprint, Func<Task<T>> compute, CancellationToken cancellationToken);
}
