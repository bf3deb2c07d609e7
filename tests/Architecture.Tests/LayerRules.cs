using System.Xml.Linq;
using Mono.Cecil;
using NetArchTest.Rules;

namespace Faultline.Architecture.Tests;

/// <summary>
/// What a layer may depend on: either only the assemblies it names (<see cref="Allowed"/>, checked
/// on the assembly's references) or anything but the namespaces it forbids (<see cref="Forbidden"/>,
/// checked type by type with NetArchTest).
/// </summary>
public sealed record LayerRule(string Layer, string Why, string[]? Allowed = null, string[]? Forbidden = null)
{
    // Checked on assembly references rather than on namespaces: the compiler's own helper types live in
    // the global namespace, which a namespace allow-list cannot tell from a foreign type.
    public static readonly LayerRule Domain = new("Faultline.Domain",
        "Domain references nothing but the .NET runtime",
        Allowed: ["System", "netstandard", "mscorlib", "Microsoft.Win32"]);

    public static readonly LayerRule Application = new("Faultline.Application",
        "Application depends on ports, not on Infrastructure, WebApi, EF Core, Npgsql, Redis or ASP.NET Core",
        Forbidden: ["Faultline.Infrastructure", "Faultline.WebApi", "Microsoft.EntityFrameworkCore", "Npgsql",
            "StackExchange.Redis", "Microsoft.AspNetCore"]);

    public static readonly LayerRule Infrastructure = new("Faultline.Infrastructure",
        "Infrastructure never depends on the WebApi, nor on System.Net.Mail (not for new development: MailKit sends mail)",
        Forbidden: ["Faultline.WebApi", "System.Net.Mail"]);

    public static IReadOnlyList<LayerRule> All { get; } = [Domain, Application, Infrastructure];

    /// <summary>What in the compiled assembly at <paramref name="path"/> breaks the rule: foreign assemblies or offending types.</summary>
    public IReadOnlyList<string> ViolationsIn(string path)
    {
        if (Allowed is not null)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);
            return assembly.MainModule.AssemblyReferences.Select(reference => reference.Name).Where(IsForbidden).Order().ToList();
        }

        var result = Types.FromFile(path).ShouldNot().HaveDependencyOnAny(Forbidden!).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames.Order()];
    }

    /// <summary>Forbidden packages and projects the project file declares, used or not.</summary>
    public IReadOnlyList<string> ViolationsIn(XDocument projectFile) =>
        projectFile.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(element => ProjectOrPackageName(element.Attribute("Include")?.Value ?? ""))
            .Where(IsForbidden)
            .Order()
            .ToList();

    private bool IsForbidden(string name) =>
        Allowed is not null ? !StartsWithAny(name, Allowed) : StartsWithAny(name, Forbidden!);

    // "..\Infrastructure\Faultline.Infrastructure.csproj" → "Faultline.Infrastructure"; a package id stays as it is.
    private static string ProjectOrPackageName(string include) =>
        include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;

    private static bool StartsWithAny(string name, string[] prefixes) =>
        prefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));
}
