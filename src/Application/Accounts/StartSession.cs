using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>
/// The session a sign-in's cookie will name. The caller's current session continues when it is the
/// same user's, so switching or joining a tenant never extends its absolute lifetime; otherwise a new
/// one starts and the one it replaces in this browser ends. Sent by the WebApi's session cookie,
/// never from an endpoint.
/// </summary>
[InternalRequest]
public sealed record StartSession(Guid UserId, Guid? CurrentSessionId) : IRequest<Guid>;

public sealed class StartSessionHandler(ISessionRepository sessions, IUnitOfWork unitOfWork, SessionPolicy policy, TimeProvider clock)
    : IRequestHandler<StartSession, Guid>
{
    public async Task<Guid> Handle(StartSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = request.CurrentSessionId is { } id ? await sessions.FindAsync(id, cancellationToken) : null;
        if (current is not null && current.IsActiveFor(request.UserId, now)) return current.Id;

        if (current is not null) sessions.Remove(current);
        await sessions.RemoveExpiredAsync(now, cancellationToken);
        var session = new Session(Guid.CreateVersion7(), request.UserId, now, now + policy.AbsoluteLifetime);
        sessions.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}
