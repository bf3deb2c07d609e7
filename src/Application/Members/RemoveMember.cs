using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Audit;
using MediatR;

namespace Faultline.Application.Members;

[RequiresPermission(PermissionName.MembersManage)]
public sealed record RemoveMember(Guid UserId) : IRequest<Unit>;

public sealed class RemoveMemberHandler(
    MemberChangeGuard guard, IMembershipRepository memberships, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<RemoveMember, Unit>
{
    // The owners stay locked from the count to the commit, so a concurrent removal of another owner counts what this one left.
    public Task<Unit> Handle(RemoveMember request, CancellationToken cancellationToken) => unitOfWork.InTransactionAsync(async ct =>
    {
        var tenantId = principal.RequireTenant();
        var owners = await memberships.CountOwnersAsync(tenantId, ct);
        var membership = await guard.TargetAsync(tenantId, request.UserId, newRole: null, ct);
        membership.EnsureRemovable(owners);
        memberships.Remove(membership);
        audit.Record(tenantId, AuditActions.MemberRemoved, request.UserId.ToString());
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }, cancellationToken);
}
