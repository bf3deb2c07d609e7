using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;

namespace Faultline.Application.Invitations;

/// <summary>Redeems invitation tokens: unknown, used and expired ones all read the same.</summary>
public sealed class InvitationTokens(IInvitationRepository invitations, TimeProvider clock)
{
    public async Task<Invitation> RedeemableAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = string.IsNullOrEmpty(token) ? null : await invitations.FindByTokenHashAsync(SecretHash.Of(token), cancellationToken);
        return invitation is not null && invitation.IsRedeemable(clock.GetUtcNow())
            ? invitation
            : throw RequestValidationException.For("token", "This invitation is invalid, expired or already used. Ask for a new one.");
    }
}
