using Faultline.Domain.Authorization;
using Faultline.Domain;
using Faultline.Domain.Accounts;

namespace Faultline.Application.Invitations;

public sealed record InvitationDto(
    Guid Id, string Email, [property: EnumCodes<Role>] string Role, string InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationDto From(Invitation invitation) => new(invitation.Id, invitation.Email.Value, EnumCode.Of(invitation.Role),
        invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt);
}
