using Faultline.Domain.Authorization;
using Microsoft.AspNetCore.Http.Features;

namespace Faultline.WebApi.Security;

/// <summary>
/// Endpoints that take large bodies raise the server-wide limit only for callers who hold the
/// permission the endpoint needs: anyone else is held to the small default while the body is read,
/// and refused by the Application layer afterwards.
/// </summary>
public static class PermittedBodyLimit
{
    /// <summary>Call before the body is read.</summary>
    public static void RaiseBodyLimitFor(this HttpContext context, Permission permission, long maxBytes)
    {
        if (context.User.HasClaim(PrincipalClaims.Permission, permission.Code))
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = maxBytes;
    }
}
