namespace Faultline.Domain.Accounts;

/// <summary>
/// The minimum strength of a password: long enough, not one of the passwords every attacker tries
/// first, and not the account's own e-mail. Length matters more than symbols, so a long passphrase
/// passes without them.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 200;
    private const int PassphraseLength = 16;

    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword1",
        "123456", "1234567890", "12345678910", "qwertyuiop", "qwerty123", "qwerty1234", "1q2w3e4r5t", "1qaz2wsx3edc",
        "iloveyou", "iloveyou1", "letmein123", "welcome123", "welcome1", "admin123", "administrator", "changeme",
        "changeme123", "football1", "baseball1", "sunshine1", "princess1", "dragon123", "monkey123", "trustno1",
        "abc123456", "abcdefghij", "aaaaaaaaaa", "zaq12wsxcde", "superman1", "starwars1", "whatever1", "computer1",
    };

    /// <summary>What is wrong with the password; empty when it is strong enough.</summary>
    public static IReadOnlyList<string> Problems(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password)) return ["Password is required."];

        var problems = new List<string>();
        if (password.Length < MinLength) problems.Add($"Password must be at least {MinLength} characters.");
        if (password.Length > MaxLength) problems.Add($"Password must be at most {MaxLength} characters.");
        if (password.Length < PassphraseLength && CharacterClasses(password) < 3)
            problems.Add($"Password must mix at least three of: lowercase, uppercase, digits, symbols (or be {PassphraseLength}+ characters).");
        if (CommonPasswords.Contains(password) || password.Distinct().Count() <= 2)
            problems.Add("Password is too easy to guess.");
        var localPart = email?.Split('@')[0];
        if (localPart is { Length: >= 3 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
            problems.Add("Password must not contain your e-mail address.");
        return problems;
    }

    private static int CharacterClasses(string password) =>
        new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }
            .Count(present => present);
}
