using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Faultline.Domain.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Faultline.WebApi.Security;

/// <summary>
/// The platform operator authenticates with a bearer token from configuration
/// (Faultline:OperatorToken). With no token configured, nobody is the operator.
/// </summary>
public sealed class OperatorTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        var configured = configuration["Faultline:OperatorToken"];
        if (string.IsNullOrEmpty(configured) || !FixedTimeEquals(header["Bearer ".Length..].Trim(), configured))
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not valid."));

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "operator"),
            new Claim(PrincipalClaims.Actor, "operator"),
            new Claim(PrincipalClaims.Permission, Permission.PlatformTenantsManage.Code),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    // Hashing first gives equal lengths, so the comparison time says nothing about the token.
    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
