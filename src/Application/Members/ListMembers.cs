using Faultline.Domain;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Authorization;
using MediatR;

namespace Faultline.Application.Members;

[RequiresPermission(PermissionName.MembersManage)]
public sealed record ListMembers : IRequest<IReadOnlyList<MemberDto>>;

public sealed record MemberDto(
    Guid UserId, string Email, [property: EnumCodes<Role>] string Role, DateTimeOffset JoinedAt);

public sealed class ListMembersHandler(IMembershipRepository memberships, ICurrentPrincipal principal) : IRequestHandler<ListMembers, IReadOnlyList<MemberDto>>
{
    public async Task<IReadOnlyList<MemberDto>> Handle(ListMembers request, CancellationToken cancellationToken) =>
        (await memberships.ListForTenantAsync(principal.RequireTenant(), cancellationToken))
            .Select(m => new MemberDto(m.UserId, m.Email, EnumCode.Of(m.Role), m.JoinedAt))
            .ToList();
}
