namespace Faultline.Application.Webhooks;

/// <summary>A hook's access to its provider's API: the token as protected (<see cref="Common.Interfaces.ISecretProtector"/>), and the API address (null: the default).</summary>
public sealed record ProviderApiAccess(string? ProtectedToken, string? ApiBaseUrl);

/// <summary>What the hook list shows of a hook's provider access: never the token itself.</summary>
public sealed record ProviderApiDto(bool TokenSet, string? ApiBaseUrl, string? LastFetchError, DateTimeOffset? LastFetchErrorAt, DateTimeOffset? LastFetchedAt)
{
    public static readonly ProviderApiDto None = new(false, null, null, null, null);
}

/// <summary>Provider API tokens and addresses of hooks (catalog).</summary>
public interface IWebhookTokenStore
{
    Task<ProviderApiAccess?> FindAsync(Guid webhookId, CancellationToken cancellationToken);

    /// <summary>Writes the hook's access (in the unit of work's transaction, if one is open); a changed token clears the last fetch error.</summary>
    Task SaveAsync(Guid webhookId, ProviderApiAccess access, CancellationToken cancellationToken);

    /// <summary>The provider access of the tenant's hooks that have any, by hook id.</summary>
    Task<IReadOnlyDictionary<Guid, ProviderApiDto>> ListAsync(Guid tenantId, CancellationToken cancellationToken);
}
