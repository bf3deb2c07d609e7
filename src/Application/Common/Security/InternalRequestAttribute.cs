using Faultline.Application.Common.Interfaces;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Sent only by the host itself (authentication handlers before a principal exists, start-up work),
/// never from an endpoint; the architecture tests hold endpoints to that.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InternalRequestAttribute : RequestAccessAttribute
{
    public override void Demand(ICurrentPrincipal principal)
    {
    }
}
