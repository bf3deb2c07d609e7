using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using Faultline.Domain.Audit;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>A new user creates their organisation and becomes its owner, signed in.</summary>
[AllowsAnonymous]
public sealed record SignUp(string Email, string Password, string TenantName) : IRequest<SessionGrant>;

public sealed class SignUpValidator : AbstractValidator<SignUp>
{
    public SignUpValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).StrongPassword(r => r.Email);
        RuleFor(r => r.TenantName).NotEmpty().WithMessage("Name your organisation.")
            .Must(name => name is null || name.Trim().Length <= Tenant.MaxNameLength)
            .WithMessage($"An organisation name has at most {Tenant.MaxNameLength} characters.");
    }
}

public sealed class SignUpHandler(
    IUserRepository users, IMembershipRepository memberships, ITenantCatalog tenants, IPasswordHasher hasher,
    ISecretGenerator secrets, IRateLimiter limiter, AbuseLimits limits, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit,
    TimeProvider clock) : IRequestHandler<SignUp, SessionGrant>
{
    public async Task<SessionGrant> Handle(SignUp request, CancellationToken cancellationToken)
    {
        var limit = await limiter.HitAsync("signup:ip:" + principal.ClientAddress, limits.SignUpsPerAddressPerHour, TimeSpan.FromHours(1), cancellationToken);
        if (!limit.Allowed) throw new TooManyRequestsException("Too many sign-ups from your network.", limit.RetryAfter);

        var email = EmailAddress.Parse(request.Email);
        // Hashed before the duplicate check, so both paths take the same time.
        var passwordHash = hasher.Hash(request.Password);
        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
            throw new ConflictException("This e-mail cannot be used to sign up. If it is yours, log in or reset your password.");

        var now = clock.GetUtcNow();
        var tenant = new Tenant(Guid.CreateVersion7(), await UnusedKeyAsync(request.TenantName, cancellationToken), request.TenantName, now);
        var user = new User(Guid.CreateVersion7(), email, passwordHash, now);

        await unitOfWork.InTransactionAsync(async ct =>
        {
            await tenants.CreateAsync(tenant, ct);
            users.Add(user);
            memberships.Add(new Membership(tenant.Id, user.Id, Role.Owner, now));
            audit.Record(tenant.Id, AuditActions.TenantCreated, tenant.Name, actor: email.Value);
            await unitOfWork.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

        return new SessionGrant(user.Id, tenant.Id, user.SecurityStamp);
    }

    private async Task<TenantKey> UnusedKeyAsync(string name, CancellationToken cancellationToken)
    {
        var key = TenantKey.FromName(name);
        for (var attempt = 0; await tenants.FindAsync(key, cancellationToken) is not null; attempt++)
        {
            if (attempt == 5) throw new ConflictException("Could not find a free key for this organisation name; try another name.");
            key = TenantKey.FromName(name, secrets.NewSecret(3).ToLowerInvariant().Replace('-', '0').Replace('_', '0'));
        }

        return key;
    }
}
