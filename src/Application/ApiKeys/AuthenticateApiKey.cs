using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.ApiKeys;
using MediatR;

namespace Faultline.Application.ApiKeys;

/// <summary>
/// Looks up an API key by the hash of the presented secret on every request, so a revocation takes
/// effect on the very next one. Sent by the WebApi's key authentication, never from an endpoint.
/// </summary>
[InternalRequest]
public sealed record AuthenticateApiKey(string Key) : IRequest<ApiKeyIdentity?>;

public sealed record ApiKeyIdentity(Guid KeyId, Guid TenantId, string Prefix, IReadOnlySet<Domain.Authorization.Permission> Permissions);

public sealed class AuthenticateApiKeyHandler(IApiKeyRepository keys, IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<AuthenticateApiKey, ApiKeyIdentity?>
{
    // Writing last-used on every request would turn each read into a write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiKeyIdentity?> Handle(AuthenticateApiKey request, CancellationToken cancellationToken)
    {
        if (!request.Key.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal)) return null;
        var key = await keys.FindBySecretHashAsync(SecretHash.Of(request.Key), cancellationToken);
        if (key is null || !key.IsActive) return null;

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            key.MarkUsed(now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyIdentity(key.Id, key.TenantId, key.Prefix, ApiKeyScopes.PermissionsOf(key.Scopes));
    }
}

public static class ApiKeyFormat
{
    /// <summary>Every key starts with this, so secret scanners and our own auth can tell keys apart.</summary>
    public const string Prefix = "flt_";

    /// <summary>How many characters of a key are shown in lists: "flt_" and eight more.</summary>
    public const int VisibleLength = 12;
}
