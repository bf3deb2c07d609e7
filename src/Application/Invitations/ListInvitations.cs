using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Invitations;

/// <summary>Invitations not yet accepted and not expired.</summary>
[RequiresPermission(PermissionName.MembersManage)]
public sealed record ListInvitations : IRequest<IReadOnlyList<InvitationDto>>;

public sealed class ListInvitationsHandler(IInvitationRepository invitations, ICurrentPrincipal principal, TimeProvider clock)
    : IRequestHandler<ListInvitations, IReadOnlyList<InvitationDto>>
{
    public async Task<IReadOnlyList<InvitationDto>> Handle(ListInvitations request, CancellationToken cancellationToken) =>
        (await invitations.ListPendingAsync(principal.RequireTenant(), clock.GetUtcNow(), cancellationToken)).Select(InvitationDto.From).ToList();
}
