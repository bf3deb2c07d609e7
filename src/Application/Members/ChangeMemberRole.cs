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
    public async Task<Unit> Handle(ChangeMemberRole request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var role = EnumCode.Parse<Role>(request.Role);
        var membership = await guard.TargetAsync(tenantId, request.UserId, role, cancellationToken);
        var previous = membership.Role;
        membership.ChangeRole(role, await memberships.CountOwnersAsync(tenantId, cancellationToken));
        audit.Record(tenantId, AuditActions.MemberRoleChanged, $"{request.UserId}: {EnumCode.Of(previous)} → {EnumCode.Of(role)}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
