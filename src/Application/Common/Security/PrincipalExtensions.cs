using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Application.Common.Security;

public static class PrincipalExtensions
{
    /// <summary>The tenant of the principal; never taken from request input.</summary>
    public static Guid RequireTenant(this ICurrentPrincipal principal) =>
        principal.TenantId ?? throw new UnauthenticatedException();

    public static Guid RequireUser(this ICurrentPrincipal principal) =>
        principal.UserId ?? throw new UnauthenticatedException();

    public static string RequireActor(this ICurrentPrincipal principal) =>
        principal.Actor ?? throw new UnauthenticatedException();
}
