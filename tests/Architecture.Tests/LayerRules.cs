using System.Xml.Linq;
using Mono.Cecil;

namespace Faultline.Architecture.Tests;

/// <summary>What a layer may not depend on, by assembly or package name prefix.</summary>
public sealed record LayerRule(string Layer, Func<string, bool> IsForbidden, string Why)
{
    private static readonly string[] RuntimeAssemblies = ["System", "netstandard", "mscorlib", "Microsoft.Win32"];

    public static readonly LayerRule Domain = new("Faultline.Domain",
        name => !RuntimeAssemblies.Any(runtime => name == runtime || name.StartsWith(runtime + ".", StringComparison.Ordinal)),
        "Domain references nothing but the .NET runtime");

    public static readonly LayerRule Application = new("Faultline.Application",
        name => StartsWithAny(name, "Faultline.Infrastructure", "Faultline.WebApi", "Microsoft.EntityFrameworkCore", "Npgsql",
            "StackExchange.Redis", "Microsoft.AspNetCore"),
        "Application depends on ports, not on Infrastructure, WebApi, EF Core, Npgsql, Redis or ASP.NET Core");

    public static readonly LayerRule Infrastructure = new("Faultline.Infrastructure",
        name => StartsWithAny(name, "Faultline.WebApi"),
        "Infrastructure never depends on the WebApi");

    public static IReadOnlyList<LayerRule> All { get; } = [Domain, Application, Infrastructure];

    /// <summary>Forbidden assemblies the compiled code references, directly or through any type it uses.</summary>
    public IReadOnlyList<string> ViolationsIn(AssemblyDefinition assembly)
    {
        var module = assembly.MainModule;
        var referenced = module.AssemblyReferences.Select(reference => reference.Name)
            .Concat(module.GetTypeReferences().Select(type => type.Scope).OfType<AssemblyNameReference>().Select(scope => scope.Name));
        return referenced.Where(IsForbidden).Distinct().Order().ToList();
    }

    /// <summary>Forbidden packages and projects the project file declares, used or not.</summary>
    public IReadOnlyList<string> ViolationsIn(XDocument projectFile) =>
        projectFile.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(element => element.Attribute("Include")?.Value ?? "")
            .Select(include => ProjectOrPackageName(include))
            .Where(IsForbidden)
            .Order()
            .ToList();

    // "..\Infrastructure\Faultline.Infrastructure.csproj" → "Faultline.Infrastructure"; a package id stays as it is.
    private static string ProjectOrPackageName(string include) =>
        include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;

    private static bool StartsWithAny(string name, params string[] prefixes) =>
        prefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));
}
