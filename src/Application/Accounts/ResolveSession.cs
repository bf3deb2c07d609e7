using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Authorization;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>
/// Checks a session cookie on each request against the database: the session has not ended (sign-out,
/// password reset, absolute lifetime), the user still exists with the same security stamp, and their
/// current role in the session's tenant (so role changes and removals apply at once). Sent by the
/// WebApi's cookie validation, never from an endpoint.
/// </summary>
[InternalRequest]
public sealed record ResolveSession(Guid SessionId, Guid UserId, Guid? TenantId, Guid SecurityStamp) : IRequest<ResolvedSession?>;

/// <summary>A valid session; <see cref="Role"/> is null when the user no longer belongs to the tenant.</summary>
public sealed record ResolvedSession(string Email, Role? Role);

public sealed class ResolveSessionHandler(ISessionRepository sessions, IUserRepository users, IMembershipRepository memberships, TimeProvider clock)
    : IRequestHandler<ResolveSession, ResolvedSession?>
{
    public async Task<ResolvedSession?> Handle(ResolveSession request, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(request.SessionId, cancellationToken);
        if (session is null || !session.IsActiveFor(request.UserId, clock.GetUtcNow())) return null;

        var user = await users.FindAsync(request.UserId, cancellationToken);
        if (user is null || user.SecurityStamp != request.SecurityStamp) return null;

        var membership = request.TenantId is { } tenantId ? await memberships.FindAsync(tenantId, user.Id, cancellationToken) : null;
        return new ResolvedSession(user.Email.Value, membership?.Role);
    }
}
