using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Domain.Authorization;

namespace Faultline.Application.Members;

/// <summary>Finds the member a change targets, in the caller's tenant only, and guards owners.</summary>
public sealed class MemberChangeGuard(IMembershipRepository memberships, ICurrentPrincipal principal)
{
    public async Task<Membership> TargetAsync(Guid tenantId, Guid userId, Role? newRole, CancellationToken cancellationToken)
    {
        var membership = await memberships.FindAsync(tenantId, userId, cancellationToken)
            ?? throw new NotFoundException("No such member.");
        if ((membership.Role == Role.Owner || newRole == Role.Owner) && !principal.Has(Permission.OwnersManage))
            throw new ForbiddenAccessException(Permission.OwnersManage);
        return membership;
    }
}
