using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>
/// Whether anyone is signed in and, if so, who. "Not signed in" is an answer here rather than the 401 of GetMe,
/// so that a signed-out page learns it without a failed request (which browsers log as an error).
/// </summary>
[AllowsAnonymous]
public sealed record GetSession : IRequest<SessionDto>;

/// <summary>Me is set exactly when SignedIn is true.</summary>
public sealed record SessionDto(bool SignedIn, MeDto? Me);

public sealed class GetSessionHandler(ICurrentPrincipal principal, IMediator sender) : IRequestHandler<GetSession, SessionDto>
{
    public async Task<SessionDto> Handle(GetSession request, CancellationToken cancellationToken) =>
        principal.IsAuthenticated && principal.Actor is not null
            ? new SessionDto(true, await sender.Send(new GetMe(), cancellationToken))
            : new SessionDto(false, null);
}
