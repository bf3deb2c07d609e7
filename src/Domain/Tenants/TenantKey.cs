using System.Text.RegularExpressions;

namespace Faultline.Domain.Tenants;

/// <summary>
/// The short, stable, URL- and SQL-identifier-safe name of a tenant ("acme", "big_corp").
/// The tenant's schema name is derived from it, so the rule is strict on purpose.
/// </summary>
public sealed partial record TenantKey
{
    public const int MinLength = 3;
    public const int MaxLength = 40;
    public const string RuleDescription =
        "3 to 40 characters: lowercase letters, digits and underscores, starting with a letter.";

    public string Value { get; }

    private TenantKey(string value) => Value = value;

    public static bool IsValid(string? candidate) =>
        candidate is not null && KeyPattern().IsMatch(candidate);

    public static TenantKey Parse(string candidate) =>
        IsValid(candidate)
            ? new TenantKey(candidate)
            : throw new ArgumentException($"'{candidate}' is not a valid tenant key: {RuleDescription}", nameof(candidate));

    /// <summary>The PostgreSQL schema that holds this tenant's data.</summary>
    public string SchemaName => "t_" + Value;

    /// <summary>
    /// A key derived from an organisation's display name ("Acme, Inc." → "acme_inc"), with an
    /// optional suffix to make it unique.
    /// </summary>
    public static TenantKey FromName(string name, string? suffix = null)
    {
        var slug = NonKeyCharacters().Replace(name.ToLowerInvariant(), "_").Trim('_');
        if (slug.Length == 0 || !char.IsAsciiLetterLower(slug[0])) slug = "org_" + slug;
        var room = MaxLength - (suffix is null ? 0 : suffix.Length + 1);
        slug = slug[..Math.Min(slug.Length, room)].TrimEnd('_');
        if (slug.Length < MinLength) slug = (slug + "_org").TrimStart('_');
        return Parse(suffix is null ? slug : $"{slug}_{suffix}");
    }

    public override string ToString() => Value;

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NonKeyCharacters();

    [GeneratedRegex("^[a-z][a-z0-9_]{2,39}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex KeyPattern();
}
