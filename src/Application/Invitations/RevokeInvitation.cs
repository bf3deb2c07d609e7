using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Audit;
using MediatR;

namespace Faultline.Application.Invitations;

[RequiresPermission(PermissionName.MembersManage)]
public sealed record RevokeInvitation(Guid Id) : IRequest<Unit>;

public sealed class RevokeInvitationHandler(IInvitationRepository invitations, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<RevokeInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeInvitation request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var invitation = await invitations.FindAsync(tenantId, request.Id, cancellationToken) ?? throw new NotFoundException("No such invitation.");
        invitations.Remove(invitation);
        audit.Record(tenantId, AuditActions.InvitationRevoked, invitation.Email.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
