using Mono.Cecil;

namespace Faultline.Architecture.Tests;

/// <summary>No regex in the product backtracks: a log line or a request field must never cost more than linear time to match.</summary>
public class LinearRegexTests
{
    public static TheoryData<string> Assemblies => new("Faultline.Domain", "Faultline.Application", "Faultline.Infrastructure", "Faultline.WebApi");

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_regex_runs_without_backtracking(string name)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

        var violations = LinearRegexRule.ViolationsIn(assembly);
        Assert.True(violations.Count == 0, $"{LinearRegexRule.Why}; {name}:\n{string.Join("\n", violations)}");
    }
}
