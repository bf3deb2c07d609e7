using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Audit;

namespace Faultline.Application.Common.Audit;

/// <summary>Records audit entries stamped with the time, the acting principal and its address.</summary>
public sealed class AuditTrail(IAuditLog log, ICurrentPrincipal principal, TimeProvider clock)
{
    /// <param name="actor">Who acted, when it is not the current principal (sign-in, accepting an invitation).</param>
    public void Record(Guid tenantId, string action, string? target = null, string? actor = null) =>
        log.Add(new AuditEntry(Guid.CreateVersion7(), tenantId, clock.GetUtcNow(), action, actor ?? principal.Actor, target,
            principal.ClientAddress));
}
