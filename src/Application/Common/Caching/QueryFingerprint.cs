namespace Faultline.Application.Common.Caching;

public static class QueryFingerprint
{
    /// <summary>SHA-256 of everything a cached result depends on; tenants can never share an entry.</summary>
    public static string Of(Guid tenantId, long dataVersion, string requestType, string cacheKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{tenantId:N}\n{dataVersion}\n{requestType}\n{cacheKey}")));
}
