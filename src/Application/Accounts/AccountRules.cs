using Faultline.Domain.Accounts;
using FluentValidation;

namespace Faultline.Application.Accounts;

/// <summary>Validation rules that several account use cases share.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(EmailAddress.IsValid).WithMessage("Enter a valid e-mail address.");

    /// <summary>The password strength rule; <paramref name="email"/> lets it refuse passwords made of the address.</summary>
    public static IRuleBuilderOptionsConditions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule, Func<T, string?> email) =>
        rule.Custom((password, context) =>
        {
            foreach (var problem in PasswordPolicy.Problems(password, email(context.InstanceToValidate)))
                context.AddFailure(problem);
        });

    /// <summary>Sign-in lockout: this many failures for one e-mail within the window locks it for the rest of the window.</summary>
    public const int FailedLoginLimit = 5;

    public static readonly TimeSpan FailedLoginWindow = TimeSpan.FromMinutes(15);

    public static string FailedLoginBucket(string email) => "login:failed:" + email.Trim().ToLowerInvariant();
}
