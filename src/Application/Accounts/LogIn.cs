using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using Faultline.Domain.Audit;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>
/// Signs a user in with e-mail and password. Unknown e-mails and wrong passwords look the same,
/// in words and in time; failures lock the e-mail (known or not) for a while; each client address
/// is rate-limited.
/// </summary>
[AllowsAnonymous]
public sealed record LogIn(string Email, string Password) : IRequest<SessionGrant>;

public sealed class LogInValidator : AbstractValidator<LogIn>
{
    public LogInValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Enter your e-mail address.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

public sealed class LogInHandler(
    IUserRepository users, IMembershipRepository memberships, IPasswordHasher hasher, IRateLimiter limiter, AbuseLimits limits,
    ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit, TimeProvider clock) : IRequestHandler<LogIn, SessionGrant>
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    public async Task<SessionGrant> Handle(LogIn request, CancellationToken cancellationToken)
    {
        var fromAddress = await limiter.HitAsync("login:ip:" + principal.ClientAddress, limits.LoginAttemptsPerAddressPer5Minutes, TimeSpan.FromMinutes(5), cancellationToken);
        if (!fromAddress.Allowed)
            throw new TooManyRequestsException("Too many sign-in attempts from your network.", fromAddress.RetryAfter);

        // Each attempt takes its place in the count before the slow hash, atomically, so parallel guesses
        // cannot all pass a check made before any of them is counted. A success clears the count.
        var failedBucket = AccountRules.FailedLoginBucket(request.Email);
        var failures = await limiter.HitAsync(failedBucket, AccountRules.FailedLoginLimit, AccountRules.FailedLoginWindow, cancellationToken);
        if (!failures.Allowed)
            throw new TooManyRequestsException("Too many failed sign-ins for this account.", failures.RetryAfter, "or reset your password");

        var user = EmailAddress.IsValid(request.Email) ? await users.FindByEmailAsync(EmailAddress.Parse(request.Email), cancellationToken) : null;
        // An unknown e-mail still costs one hash verification, so timing does not tell it apart.
        var verified = hasher.Verify(user?.PasswordHash ?? DummyHash(), request.Password) && user is not null;
        var tenants = user is null ? [] : await memberships.ListForUserAsync(user.Id, cancellationToken);

        if (!verified)
        {
            foreach (var tenant in tenants) audit.Record(tenant.TenantId, AuditActions.LoginFailed, actor: user!.Email.Value);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            throw new InvalidCredentialsException();
        }

        await limiter.ResetAsync(failedBucket, cancellationToken);
        user!.RecordLogin(clock.GetUtcNow());
        var current = tenants.Count > 0 ? tenants[0] : null;
        if (current is not null) audit.Record(current.TenantId, AuditActions.LoginSucceeded, actor: user.Email.Value);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new SessionGrant(user.Id, current?.TenantId, user.SecurityStamp);
    }

    private string DummyHash()
    {
        lock (DummyLock) return _dummyHash ??= hasher.Hash(Guid.NewGuid().ToString());
    }
}
