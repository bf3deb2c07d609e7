using Faultline.Application.Accounts;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Accounts;
using Faultline.Domain.Audit;
using Faultline.Domain.Authorization;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Invitations;

/// <summary>Invites an e-mail address to the tenant; the link goes out by e-mail. A new invitation replaces a pending one.</summary>
[RequiresPermission(PermissionName.MembersManage)]
public sealed record InviteMember(
    string Email, [property: EnumCodes<Role>] string Role) : IRequest<InvitationDto>;

public sealed class InviteMemberValidator : AbstractValidator<InviteMember>
{
    public InviteMemberValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Role).Must(role => EnumCode.TryParse<Role>(role, out var parsed) && parsed != Domain.Authorization.Role.Owner)
            .WithMessage("Invite as admin, member or viewer; promote to owner once they have joined.");
    }
}

public sealed class InviteMemberHandler(
    IInvitationRepository invitations, IMembershipRepository memberships, IUserRepository users, ITenantCatalog tenants,
    ISecretGenerator secrets, IEmailOutbox outbox, IPublicLinks links, ICurrentPrincipal principal, IUnitOfWork unitOfWork,
    AuditTrail audit, TimeProvider clock) : IRequestHandler<InviteMember, InvitationDto>
{
    public async Task<InvitationDto> Handle(InviteMember request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var email = EmailAddress.Parse(request.Email);
        var role = EnumCode.Parse<Role>(request.Role);

        if (await users.FindByEmailAsync(email, cancellationToken) is { } existing
            && await memberships.FindAsync(tenantId, existing.Id, cancellationToken) is not null)
            throw new ConflictException($"{email} is already a member.");

        var now = clock.GetUtcNow();
        foreach (var pending in (await invitations.ListPendingAsync(tenantId, now, cancellationToken)).Where(i => i.Email == email))
            invitations.Remove(pending);

        var tenant = await tenants.FindAsync(tenantId, cancellationToken) ?? throw new NotFoundException("This tenant no longer exists.");
        var token = secrets.NewSecret();
        var invitation = new Invitation(Guid.CreateVersion7(), tenantId, email, role, SecretHash.Of(token), principal.RequireActor(), now);
        invitations.Add(invitation);
        outbox.Enqueue(new EmailMessage(email.Value, $"You are invited to {tenant.Name} on Faultline", $"""
            {invitation.InvitedBy} invited you to join {tenant.Name} on Faultline as {EnumCode.Of(role)}.

            Accept the invitation here (valid for {Invitation.Lifetime.TotalDays:0} days):
            {links.To("/invite?token=" + token)}

            Faultline shows your team why CI/CD pipelines fail. If you did not expect this, ignore this e-mail.
            """));
        audit.Record(tenantId, AuditActions.MemberInvited, $"{email} as {EnumCode.Of(role)}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return InvitationDto.From(invitation);
    }
}
