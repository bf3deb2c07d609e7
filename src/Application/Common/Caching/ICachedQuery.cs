namespace Faultline.Application.Common.Caching;

/// <summary>
/// A read request whose result may be served from the query cache. The key must hold everything
/// that decides the result besides the tenant and its data version, which the cache adds itself.
/// </summary>
public interface ICachedQuery
{
    string CacheKey { get; }
}

public static class QueryFingerprint
{
    /// <summary>SHA-256 of everything a cached result depends on; tenants can never share an entry.</summary>
    public static string Of(Guid tenantId, long dataVersion, string requestType, string cacheKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{tenantId:N}\n{dataVersion}\n{requestType}\n{cacheKey}")));
}
