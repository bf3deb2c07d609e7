using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;

namespace Faultline.WebApi.Security;

/// <summary>Claim types Faultline puts on its principals.</summary>
public static class PrincipalClaims
{
    public const string Permission = "faultline:permission";
    public const string TenantId = "faultline:tenant";
}

/// <summary>The principal of the current HTTP request; anonymous outside a request (start-up work).</summary>
public sealed class HttpCurrentPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal
{
    public bool IsAuthenticated => accessor.HttpContext?.User.Identity?.IsAuthenticated == true;

    public Guid? TenantId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(PrincipalClaims.TenantId)?.Value, out var id) ? id : null;

    public bool Has(Permission permission) =>
        accessor.HttpContext?.User.HasClaim(PrincipalClaims.Permission, permission.Code) == true;
}
