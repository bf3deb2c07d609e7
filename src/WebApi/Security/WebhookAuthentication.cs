using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Faultline.Application.Webhooks;
using Faultline.Domain;
using Faultline.Domain.Authorization;
using Faultline.Domain.Ingestion;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Faultline.WebApi.Security;

/// <summary>
/// A provider delivery authenticates as its hook: /api/v1/hooks/{provider}/{hookId}, proven with the
/// hook's secret — GitHub's X-Hub-Signature-256 and Faultline's X-Faultline-Signature (Jenkins) are
/// "sha256=" + hex HMAC-SHA256 of the raw body; GitLab sends the secret as X-Gitlab-Token. The
/// principal may ingest into the hook's tenant and nothing else.
/// </summary>
public sealed class WebhookAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Webhook";
    public const string HookClaim = "faultline:hook";
    private const long MaxDeliveryBytes = 25 * 1024 * 1024;
    private const string PathPrefix = "/api/v1/hooks/";

    /// <summary>The provider and hook id of a delivery path; null for any other path.</summary>
    public static (Provider Provider, Guid HookId)? Target(PathString path)
    {
        if (!path.StartsWithSegments(PathPrefix.TrimEnd('/'), out var rest)) return null;
        var parts = rest.Value?.Trim('/').Split('/') ?? [];
        return parts.Length == 2 && EnumCode.TryParse<Provider>(parts[0], out var provider) && provider != Provider.Api && Guid.TryParse(parts[1], out var id)
            ? (provider, id)
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Target(Request.Path) is not { } target) return AuthenticateResult.NoResult();
        var (provider, hookId) = target;
        var hook = await mediator.Send(new FindWebhook(hookId, provider), Context.RequestAborted);
        if (hook is null) return AuthenticateResult.Fail("No such webhook.");

        // The body is read here for the signature and again by the endpoint; a delivery may be as large as GitHub's
        // (25 MB), which a Jenkins notification with the logs of its failed stages can reach.
        Context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = MaxDeliveryBytes;
        Request.EnableBuffering();
        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, Context.RequestAborted);
        Request.Body.Position = 0;

        var valid = provider switch
        {
            Provider.Github => SignatureMatches(Request.Headers["X-Hub-Signature-256"], hook.Secret, body.ToArray()),
            Provider.Jenkins => SignatureMatches(Request.Headers["X-Faultline-Signature"], hook.Secret, body.ToArray()),
            Provider.Gitlab => FixedTimeEquals(Encoding.UTF8.GetBytes(Request.Headers["X-Gitlab-Token"].ToString()), Encoding.UTF8.GetBytes(hook.Secret)),
            _ => false,
        };
        if (!valid) return AuthenticateResult.Fail("The delivery's signature does not match the hook's secret.");

        var identity = new ClaimsIdentity(
        [
            new Claim(PrincipalClaims.TenantId, hook.TenantId.ToString()),
            new Claim(PrincipalClaims.Actor, $"hook:{EnumCode.Of(provider)}:{hook.Name}"),
            new Claim(PrincipalClaims.Permission, Permission.DataIngest.Code),
            new Claim(HookClaim, hook.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static bool SignatureMatches(string? header, string secret, byte[] body)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return FixedTimeEquals(Encoding.ASCII.GetBytes(header.ToLowerInvariant()), expected);
    }

    private static bool FixedTimeEquals(byte[] presented, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(expected));
}
