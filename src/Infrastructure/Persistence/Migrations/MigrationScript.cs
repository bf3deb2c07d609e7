using System.Reflection;
using System.Text.RegularExpressions;

namespace Faultline.Infrastructure.Persistence.Migrations;

/// <summary>One versioned SQL script, embedded from Migrations/{Catalog|Tenant}/V0001__name.sql.</summary>
internal sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    public static IReadOnlyList<MigrationScript> Load(string folder)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"{typeof(MigrationScript).Namespace}.{folder}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Parse(assembly, name, name[prefix.Length..]))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two {folder} migrations share version {duplicate.Key}.");
        return scripts;
    }

    private static MigrationScript Parse(Assembly assembly, string resource, string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
            throw new InvalidOperationException($"Migration '{fileName}' is not named V<number>__<name>.sql.");

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups[2].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^V(\d+)__(\w+)\.sql$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FileNamePattern();
}
