using System.Xml.Linq;

namespace Faultline.Architecture.Tests;

/// <summary>The layer rules of DESIGN.md, checked on the compiled assemblies and on the project files.</summary>
public class LayerRuleTests
{
    public static TheoryData<string> Layers => new(LayerRule.All.Select(rule => rule.Layer));

    [Theory]
    [MemberData(nameof(Layers))]
    public void Compiled_layers_reference_only_what_they_may(string layer)
    {
        var rule = LayerRule.All.Single(r => r.Layer == layer);
        var violations = rule.ViolationsIn(Path.Combine(AppContext.BaseDirectory, layer + ".dll"));

        Assert.True(violations.Count == 0, $"{rule.Why}; these types of {layer} break it: {string.Join(", ", violations)}");
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Project_files_declare_only_what_their_layer_may(string layer)
    {
        var rule = LayerRule.All.Single(r => r.Layer == layer);
        var folder = layer["Faultline.".Length..];
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", folder, layer + ".csproj"));

        Assert.True(rule.ViolationsIn(project).Count == 0, $"{rule.Why}; {layer}.csproj declares: {string.Join(", ", rule.ViolationsIn(project))}");
    }

    [Fact]
    public void The_domain_project_declares_no_references_at_all()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "Faultline.Domain.csproj"));

        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Clean.sln"))) return directory.FullName;
        throw new InvalidOperationException("Clean.sln not found above " + AppContext.BaseDirectory);
    }
}
