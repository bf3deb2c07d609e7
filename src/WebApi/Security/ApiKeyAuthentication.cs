using System.Security.Claims;
using System.Text.Encodings.Web;
using Faultline.Application.ApiKeys;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Faultline.WebApi.Security;

/// <summary>Programs authenticate with "Authorization: Bearer flt_…"; the key is checked on every request.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = BearerToken(Request);
        if (key is null) return AuthenticateResult.NoResult();

        var identity = await mediator.Send(new AuthenticateApiKey(key), Context.RequestAborted);
        if (identity is null) return AuthenticateResult.Fail("The API key is not valid or was revoked.");

        var claims = new List<Claim>
        {
            new(PrincipalClaims.TenantId, identity.TenantId.ToString()),
            new(PrincipalClaims.Actor, "key:" + identity.Prefix),
            new("faultline:key", identity.KeyId.ToString()),
        };
        claims.AddRange(identity.Permissions.Select(p => new Claim(PrincipalClaims.Permission, p.Code)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
