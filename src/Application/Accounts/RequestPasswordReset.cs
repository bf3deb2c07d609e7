using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>
/// E-mails a single-use reset link if the address has an account. The answer is the same either
/// way, and the e-mail leaves through the outbox, so nothing tells whether the account exists.
/// </summary>
[AllowsAnonymous]
public sealed record RequestPasswordReset(string Email) : IRequest<Unit>;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() => RuleFor(r => r.Email).ValidEmail();
}

public sealed class RequestPasswordResetHandler(
    IUserRepository users, IPasswordResetRepository resets, ISecretGenerator secrets, IEmailOutbox outbox, IPublicLinks links,
    IRateLimiter limiter, AbuseLimits limits, ICurrentPrincipal principal, IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<RequestPasswordReset, Unit>
{
    public async Task<Unit> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(request.Email);
        var fromAddress = await limiter.HitAsync("reset:ip:" + principal.ClientAddress, limits.ResetRequestsPerAddressPerHour, TimeSpan.FromHours(1), cancellationToken);
        var forEmail = await limiter.HitAsync("reset:email:" + email.Value, 5, TimeSpan.FromHours(1), cancellationToken);
        if (!fromAddress.Allowed || !forEmail.Allowed)
            throw new TooManyRequestsException("Too many reset requests.", Max(fromAddress.RetryAfter, forEmail.RetryAfter));

        var user = await users.FindByEmailAsync(email, cancellationToken);
        if (user is null) return Unit.Value;

        var token = secrets.NewSecret();
        resets.Add(new PasswordReset(Guid.CreateVersion7(), user.Id, SecretHash.Of(token), clock.GetUtcNow()));
        outbox.Enqueue(new EmailMessage(user.Email.Value, "Reset your Faultline password", $"""
            Someone asked to reset the password of your Faultline account ({user.Email}).

            Choose a new password here (the link works once, for {PasswordReset.Lifetime.TotalMinutes:0} minutes):
            {links.To("/reset-password?token=" + token)}

            If it was not you, ignore this e-mail: your password stays as it is.
            """));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
