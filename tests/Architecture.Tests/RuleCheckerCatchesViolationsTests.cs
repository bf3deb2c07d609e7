using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentValidation;
using Mono.Cecil;

namespace Faultline.Architecture.Tests;

/// <summary>
/// The checker itself, against fixtures that break each rule: an architecture test that cannot
/// fail would guard nothing.
/// </summary>
public partial class RuleCheckerCatchesViolationsTests
{
    [Theory]
    [InlineData("Faultline.Application", "Faultline.Infrastructure", "Faultline.Infrastructure.Persistence.TenantCatalog")]
    [InlineData("Faultline.Application", "Faultline.WebApi", "Faultline.WebApi.FaultlineApp")]
    [InlineData("Faultline.Application", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.DbContext")]
    [InlineData("Faultline.Application", "Npgsql", "Npgsql.NpgsqlConnection")]
    [InlineData("Faultline.Application", "StackExchange.Redis", "StackExchange.Redis.IDatabase")]
    [InlineData("Faultline.Infrastructure", "Faultline.WebApi", "Faultline.WebApi.FaultlineApp")]
    [InlineData("Faultline.Infrastructure", "System.Net.Mail", "System.Net.Mail.SmtpClient")]
    public void A_compiled_reference_to_a_forbidden_assembly_is_caught(string layer, string forbiddenAssembly, string forbiddenType)
    {
        var rule = LayerRule.All.Single(r => r.Layer == layer);
        var fixture = AssemblyUsing(layer, forbiddenAssembly, forbiddenType);

        Assert.Equal([layer + ".Holder"], rule.ViolationsIn(fixture));
    }

    [Theory]
    [InlineData("Newtonsoft.Json", "Newtonsoft.Json.JsonConvert")]
    [InlineData("Faultline.Application", "Faultline.Application.Some")]
    public void A_domain_reference_to_anything_but_the_runtime_is_caught(string forbiddenAssembly, string forbiddenType)
    {
        var fixture = AssemblyUsing("Faultline.Domain", forbiddenAssembly, forbiddenType);

        Assert.Equal([forbiddenAssembly], LayerRule.Domain.ViolationsIn(fixture));
    }

    [Fact]
    public void Runtime_references_are_allowed_in_the_domain()
    {
        var fixture = AssemblyUsing("Faultline.Domain", "System.Text.RegularExpressions", "System.Text.RegularExpressions.Regex");

        Assert.Empty(LayerRule.Domain.ViolationsIn(fixture));
    }

    [Theory]
    [InlineData("Faultline.Application", "<PackageReference Include=\"Npgsql.EntityFrameworkCore.PostgreSQL\" />", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("Faultline.Application", "<ProjectReference Include=\"..\\Infrastructure\\Faultline.Infrastructure.csproj\" />", "Faultline.Infrastructure")]
    [InlineData("Faultline.Infrastructure", "<ProjectReference Include=\"..\\WebApi\\Faultline.WebApi.csproj\" />", "Faultline.WebApi")]
    [InlineData("Faultline.Domain", "<PackageReference Include=\"MediatR\" />", "MediatR")]
    public void A_declared_reference_to_a_forbidden_package_or_project_is_caught(string layer, string reference, string expected)
    {
        var project = XDocument.Parse($"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{reference}</ItemGroup></Project>");

        Assert.Equal([expected], LayerRule.All.Single(r => r.Layer == layer).ViolationsIn(project));
    }

    [Fact]
    public void Every_way_of_building_a_backtracking_regex_is_caught()
    {
        string[] caught = ["Constructed", "WithoutOptions", "WithTimeout", "Static", "Validated", "Generated", "<InLambda>"];
        var violations = RegexViolationsIn(typeof(BacktrackingRegexes));

        Assert.Equal(caught.Length, violations.Count);
        Assert.All(caught, method => Assert.Contains(violations, v => v.Split(':')[0].Contains(method, StringComparison.Ordinal)));
        Assert.Empty(RegexViolationsIn(typeof(LinearRegexes)));
    }

    private static IReadOnlyList<string> RegexViolationsIn(Type fixture)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(RuleCheckerCatchesViolationsTests).Assembly.Location);
        return LinearRegexRule.ViolationsIn([assembly.MainModule.GetType(fixture.FullName!.Replace('+', '/'))]);
    }

    /// <summary>
    /// Emits a small assembly with one class holding a field of the given type, as the compiler
    /// would for code in that layer that used it, and returns the path it was written to.
    /// </summary>
    private static string AssemblyUsing(string layer, string assemblyName, string typeFullName)
    {
        var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(layer, new Version(1, 0)), layer, ModuleKind.Dll);
        var module = assembly.MainModule;
        var scope = new AssemblyNameReference(assemblyName, new Version(1, 0));
        module.AssemblyReferences.Add(scope);
        var lastDot = typeFullName.LastIndexOf('.');
        var usedType = new TypeReference(typeFullName[..lastDot], typeFullName[(lastDot + 1)..], module, scope);
        var holder = new TypeDefinition(layer, "Holder", TypeAttributes.Public | TypeAttributes.Class, module.TypeSystem.Object);
        holder.Fields.Add(new FieldDefinition("used", FieldAttributes.Public, module.ImportReference(usedType)));
        module.Types.Add(holder);

        var path = Path.Combine(Directory.CreateTempSubdirectory("faultline-arch-").FullName, layer + ".dll");
        assembly.Write(path);
        assembly.Dispose();
        return path;
    }

    /// <summary>One backtracking regex per way the product could build one (the compiler's output is what the rule reads).</summary>
    internal static partial class BacktrackingRegexes
    {
        public static Regex Constructed() => new("a.*b", RegexOptions.IgnoreCase);

        public static Regex WithoutOptions() => new("a.*b");

        public static Regex WithTimeout(RegexOptions options) => new("a.*b", options, TimeSpan.FromSeconds(1));

        public static bool Static(string input) => Regex.IsMatch(input, "a.*b", RegexOptions.CultureInvariant);

        public static void Validated(AbstractValidator<string> validator) => validator.RuleFor(s => s).Matches("a.*b");

        public static Func<string, bool> InLambda() => input => new Regex("a.*b").IsMatch(input);

        [GeneratedRegex("a.*b", RegexOptions.IgnoreCase)]
        public static partial Regex Generated();
    }

    internal static partial class LinearRegexes
    {
        public static Regex Constructed() => new("a.*b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

        public static Regex WithTimeout() => new("a.*b", RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));

        public static bool Static(string input) => Regex.IsMatch(input, "a.*b", RegexOptions.NonBacktracking);

        public static string Replaced(string input) => Regex.Replace(input, "a.*b", "", RegexOptions.NonBacktracking);

        public static void Validated(AbstractValidator<string> validator) => validator.RuleFor(s => s).Matches(Generated());

        [GeneratedRegex("a.*b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
        public static partial Regex Generated();
    }
}
