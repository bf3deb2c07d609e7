using Faultline.Domain;
using Faultline.Domain.ApiKeys;

namespace Faultline.Application.ApiKeys;

public sealed record ApiKeyDto(
    Guid Id, string Name, string Prefix, [property: EnumCodes<ApiKeyScope>] IReadOnlyList<string> Scopes, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Scopes.Select(EnumCode.Of).ToList(),
        key.CreatedBy, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A new key, with its secret: the only time the secret is ever shown.</summary>
public sealed record CreatedApiKeyDto(string Key, ApiKeyDto Details);
