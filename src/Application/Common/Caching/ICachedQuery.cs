namespace Faultline.Application.Common.Caching;

/// <summary>
/// A read request whose result may be served from the query cache. The key must hold everything
/// that decides the result besides the tenant and its data version, which the cache adds itself.
/// </summary>
public interface ICachedQuery
{
    string CacheKey { get; }
}
