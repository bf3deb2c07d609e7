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
    public async Task<Unit> Handle(RemoveMember request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var membership = await guard.TargetAsync(tenantId, request.UserId, newRole: null, cancellationToken);
        membership.EnsureRemovable(await memberships.CountOwnersAsync(tenantId, cancellationToken));
        memberships.Remove(membership);
        audit.Record(tenantId, AuditActions.MemberRemoved, request.UserId.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
