using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Security;

/// <summary>The request needs a signed-in principal holding <see cref="Permission"/> in its tenant.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(PermissionName name) : RequestAccessAttribute
{
    public Permission Permission { get; } = Permission.Of(name);

    public override void Demand(ICurrentPrincipal principal)
    {
        if (!principal.IsAuthenticated) throw new UnauthenticatedException();
        if (!principal.Has(Permission)) throw new ForbiddenAccessException(Permission);
    }
}
