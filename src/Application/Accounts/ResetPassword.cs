using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using Faultline.Domain.Audit;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>Sets a new password with a reset token; ends every existing session of the account.</summary>
[AllowsAnonymous]
public sealed record ResetPassword(string Token, string NewPassword) : IRequest<Unit>;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(r => r.Token).NotEmpty().WithMessage("The reset link is incomplete.");
        RuleFor(r => r.NewPassword).StrongPassword(_ => null);
    }
}

public sealed class ResetPasswordHandler(
    IPasswordResetRepository resets, IUserRepository users, IMembershipRepository memberships, ISessionRepository sessions,
    IPasswordHasher hasher, IRateLimiter limiter, IUnitOfWork unitOfWork, AuditTrail audit, TimeProvider clock) : IRequestHandler<ResetPassword, Unit>
{
    public async Task<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reset = await resets.FindByTokenHashAsync(SecretHash.Of(request.Token), cancellationToken);
        if (reset is null || !reset.IsRedeemable(now))
            throw RequestValidationException.For("token", "This reset link is invalid, expired or already used. Ask for a new one.");

        var user = await users.FindAsync(reset.UserId, cancellationToken) ?? throw RequestValidationException.For("token", "This account no longer exists.");
        var problems = PasswordPolicy.Problems(request.NewPassword, user.Email.Value);
        if (problems.Count > 0) throw RequestValidationException.For("newPassword", [.. problems]);

        reset.Redeem(now);
        user.ChangePassword(hasher.Hash(request.NewPassword));
        foreach (var tenant in await memberships.ListForUserAsync(user.Id, cancellationToken))
            audit.Record(tenant.TenantId, AuditActions.PasswordReset, actor: user.Email.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        // The new security stamp already refuses the old cookies; their sessions end too.
        await sessions.RemoveAllOfUserAsync(user.Id, cancellationToken);
        await limiter.ResetAsync(AccountRules.FailedLoginBucket(user.Email.Value), cancellationToken);
        return Unit.Value;
    }
}
