using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>A signed-in user moves their session to another tenant they belong to.</summary>
[RequiresSignIn]
public sealed record SwitchTenant(Guid TenantId) : IRequest<SessionGrant>;

public sealed class SwitchTenantHandler(IUserRepository users, IMembershipRepository memberships, ICurrentPrincipal principal)
    : IRequestHandler<SwitchTenant, SessionGrant>
{
    public async Task<SessionGrant> Handle(SwitchTenant request, CancellationToken cancellationToken)
    {
        var userId = principal.RequireUser();
        if (await memberships.FindAsync(request.TenantId, userId, cancellationToken) is null)
            throw new NotFoundException("You are not a member of this tenant.");
        var user = await users.FindAsync(userId, cancellationToken) ?? throw new UnauthenticatedException();
        return new SessionGrant(user.Id, request.TenantId, user.SecurityStamp);
    }
}
