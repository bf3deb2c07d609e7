using Faultline.Domain;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Audit;
using Faultline.Domain.Authorization;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Members;

[RequiresPermission(PermissionName.MembersManage)]
public sealed record ChangeMemberRole(Guid UserId, string Role) : IRequest<Unit>;

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator() =>
        RuleFor(r => r.Role).Must(role => EnumCode.TryParse<Role>(role, out _)).WithMessage("Role must be owner, admin, member or viewer.");
}

public sealed class ChangeMemberRoleHandler(
    MemberChangeGuard guard, IMembershipRepository memberships, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<ChangeMemberRole, Unit>
{
    // The owners stay locked from the count to the commit, so a concurrent change to another owner counts what this one left.
    public Task<Unit> Handle(ChangeMemberRole request, CancellationToken cancellationToken) => unitOfWork.InTransactionAsync(async ct =>
    {
        var tenantId = principal.RequireTenant();
        var role = EnumCode.Parse<Role>(request.Role);
        var owners = await memberships.CountOwnersAsync(tenantId, ct);
        var membership = await guard.TargetAsync(tenantId, request.UserId, role, ct);
        var previous = membership.Role;
        membership.ChangeRole(role, owners);
        audit.Record(tenantId, AuditActions.MemberRoleChanged, $"{request.UserId}: {EnumCode.Of(previous)} → {EnumCode.Of(role)}");
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }, cancellationToken);
}
