using System.Security.Claims;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;

namespace Faultline.WebApi.Security;

/// <summary>Claim types Faultline puts on its principals.</summary>
public static class PrincipalClaims
{
    public const string Permission = "faultline:permission";
    public const string TenantId = "faultline:tenant";
    public const string Actor = "faultline:actor";
    public const string SecurityStamp = "faultline:stamp";
    public const string SessionId = "faultline:session";
}

/// <summary>The principal of the current HTTP request; anonymous outside a request (start-up work).</summary>
public sealed class HttpCurrentPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public Guid? UserId => GuidClaim(ClaimTypes.NameIdentifier);

    public Guid? TenantId => GuidClaim(PrincipalClaims.TenantId);

    public string? Actor => IsAuthenticated ? User?.FindFirst(PrincipalClaims.Actor)?.Value : null;

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool Has(Permission permission) => User?.HasClaim(PrincipalClaims.Permission, permission.Code) == true;

    private Guid? GuidClaim(string type) =>
        IsAuthenticated && Guid.TryParse(User?.FindFirst(type)?.Value, out var id) ? id : null;
}
