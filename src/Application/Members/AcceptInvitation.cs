using Faultline.Application.Accounts;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Invitations;
using Faultline.Domain.Accounts;
using Faultline.Domain.Audit;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Members;

/// <summary>
/// Joins a tenant with an invitation token. The invitee proves who they are by being signed in as
/// the invited address, or with that account's password; without an account, the password given
/// creates one. Ends signed in to the tenant.
/// </summary>
[AllowsAnonymous]
public sealed record AcceptInvitation(string Token, string? Password) : IRequest<SessionGrant>;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator() => RuleFor(r => r.Token).NotEmpty().WithMessage("The invitation link is incomplete.");
}

public sealed class AcceptInvitationHandler(
    InvitationTokens tokens, IUserRepository users, IMembershipRepository memberships, IPasswordHasher hasher, ICurrentPrincipal principal,
    IUnitOfWork unitOfWork, AuditTrail audit, TimeProvider clock) : IRequestHandler<AcceptInvitation, SessionGrant>
{
    public async Task<SessionGrant> Handle(AcceptInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await tokens.RedeemableAsync(request.Token, cancellationToken);
        var now = clock.GetUtcNow();
        var user = await users.FindByEmailAsync(invitation.Email, cancellationToken);

        if (user is null)
        {
            var problems = PasswordPolicy.Problems(request.Password, invitation.Email.Value);
            if (problems.Count > 0) throw RequestValidationException.For("password", [.. problems]);
            user = new User(Guid.CreateVersion7(), invitation.Email, hasher.Hash(request.Password!), now);
            users.Add(user);
        }
        else if (principal.UserId != user.Id && (request.Password is null || !hasher.Verify(user.PasswordHash, request.Password)))
        {
            throw new InvalidCredentialsException();
        }

        if (await memberships.FindAsync(invitation.TenantId, user.Id, cancellationToken) is null)
            memberships.Add(new Membership(invitation.TenantId, user.Id, invitation.Role, now));
        invitation.Redeem(now);
        audit.Record(invitation.TenantId, AuditActions.MemberJoined, $"{user.Email} as {Domain.EnumCode.Of(invitation.Role)}", actor: user.Email.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new SessionGrant(user.Id, invitation.TenantId, user.SecurityStamp);
    }
}
