using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>Sign-out: the session ends server-side, so a copy of its cookie stops working too.</summary>
[RequiresSignIn]
public sealed record EndSession(Guid SessionId) : IRequest<Unit>;

public sealed class EndSessionHandler(ISessionRepository sessions, ICurrentPrincipal principal, IUnitOfWork unitOfWork)
    : IRequestHandler<EndSession, Unit>
{
    public async Task<Unit> Handle(EndSession request, CancellationToken cancellationToken)
    {
        var userId = principal.RequireUser();
        // Only one's own session: the id comes from the caller's cookie, but is input all the same.
        if (await sessions.FindAsync(request.SessionId, cancellationToken) is { } session && session.UserId == userId)
        {
            sessions.Remove(session);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
