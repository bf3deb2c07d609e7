using System.Text.RegularExpressions;

namespace Faultline.Domain.Accounts;

/// <summary>An e-mail address, trimmed and lower-cased so that one mailbox is one account.</summary>
public sealed partial record EmailAddress
{
    public const int MaxLength = 254;

    public string Value { get; }

    private EmailAddress(string value) => Value = value;

    public static bool IsValid(string? candidate) =>
        candidate is not null && Normalize(candidate) is { Length: > 0 and <= MaxLength } normalized && Shape().IsMatch(normalized);

    public static EmailAddress Parse(string candidate) =>
        IsValid(candidate) ? new EmailAddress(Normalize(candidate)) : throw new ArgumentException("Not a valid e-mail address.", nameof(candidate));

    public override string ToString() => Value;

    private static string Normalize(string candidate) => candidate.Trim().ToLowerInvariant();

    // Deliberately plain: one @, a dotted domain, no spaces or angle brackets. Delivery is the real test.
    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Shape();
}
