using System.Text.RegularExpressions;

namespace Faultline.Infrastructure.Persistence.Migrations;

/// <summary>Quotes schema and table names; refuses anything that is not a plain lowercase identifier.</summary>
internal static partial class SqlIdentifier
{
    public static string Quote(string identifier) =>
        PlainIdentifier().IsMatch(identifier)
            ? $"\"{identifier}\""
            : throw new ArgumentException($"'{identifier}' is not a plain SQL identifier.", nameof(identifier));

    /// <summary>A plain identifier as a string literal (a notification's payload).</summary>
    public static string Literal(string identifier) => $"'{Quote(identifier)[1..^1]}'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PlainIdentifier();
}
