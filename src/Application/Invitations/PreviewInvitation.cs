using Faultline.Domain.Authorization;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using MediatR;

namespace Faultline.Application.Invitations;

/// <summary>What an invitation offers, for the page that accepts it; only the token's holder can ask.</summary>
[AllowsAnonymous]
public sealed record PreviewInvitation(string Token) : IRequest<InvitationPreview>;

public sealed record InvitationPreview(
    string TenantName, string Email, [property: EnumCodes<Role>] string Role, bool AccountExists, DateTimeOffset ExpiresAt);

public sealed class PreviewInvitationHandler(InvitationTokens tokens, ITenantCatalog tenants, IUserRepository users)
    : IRequestHandler<PreviewInvitation, InvitationPreview>
{
    public async Task<InvitationPreview> Handle(PreviewInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await tokens.RedeemableAsync(request.Token, cancellationToken);
        var tenant = await tenants.FindAsync(invitation.TenantId, cancellationToken) ?? throw new NotFoundException("This tenant no longer exists.");
        var accountExists = await users.FindByEmailAsync(invitation.Email, cancellationToken) is not null;
        return new InvitationPreview(tenant.Name, invitation.Email.Value, EnumCode.Of(invitation.Role), accountExists, invitation.ExpiresAt);
    }
}
