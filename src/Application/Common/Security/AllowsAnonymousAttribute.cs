using Faultline.Application.Common.Interfaces;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Deliberately open to anyone who reaches it (sign-up, sign-in, password reset, readiness): the
/// handler protects itself, with rate limits or a secret token the caller must present.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowsAnonymousAttribute : RequestAccessAttribute
{
    public override void Demand(ICurrentPrincipal principal)
    {
    }
}
