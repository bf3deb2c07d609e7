using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Application.Common.Security;

/// <summary>
/// The request needs a signed-in principal but no permission: it acts on the caller's own account
/// (who am I, switch tenant), whatever their role.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresSignInAttribute : RequestAccessAttribute
{
    public override void Demand(ICurrentPrincipal principal)
    {
        if (!principal.IsAuthenticated) throw new UnauthenticatedException();
    }
}
