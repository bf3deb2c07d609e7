using Faultline.Application.Accounts;
using Faultline.Application.Common.Security;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Faultline.Architecture.Tests;

/// <summary>
/// Internal requests pass authorization without a principal, because the host sends them before
/// one exists (authentication) or without one (start-up). An endpoint that built one would open it
/// to anyone, so no endpoint may.
/// </summary>
public class InternalRequestTests
{
    private static readonly HashSet<string> InternalRequests = typeof(Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(InternalRequestAttribute), inherit: false))
        .Select(t => t.FullName!)
        .ToHashSet();

    [Fact]
    public void No_endpoint_constructs_an_internal_request()
    {
        using var webApi = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, "Faultline.WebApi.dll"));

        Assert.NotEmpty(InternalRequests);
        Assert.Empty(InternalRequestsConstructedIn(webApi, "Faultline.WebApi.Endpoints"));
    }

    [Fact]
    public void The_check_catches_code_that_constructs_one()
    {
        using var tests = AssemblyDefinition.ReadAssembly(typeof(InternalRequestTests).Assembly.Location);

        Assert.Equal([typeof(ResolveSession).FullName!], InternalRequestsConstructedIn(tests, typeof(ConstructsAnInternalRequest).Namespace!));
    }

    /// <summary>Every internal request a <c>newobj</c> in the namespace (lambdas and state machines included) builds.</summary>
    private static List<string> InternalRequestsConstructedIn(AssemblyDefinition assembly, string @namespace) =>
        assembly.MainModule.Types
            .Where(t => t.Namespace == @namespace)
            .SelectMany(WithNested)
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference)
            .Select(i => ((MethodReference)i.Operand).DeclaringType.FullName)
            .Where(InternalRequests.Contains)
            .Distinct()
            .ToList();

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];
}

/// <summary>The violation the check above must catch.</summary>
internal static class ConstructsAnInternalRequest
{
    public static object Build() => new ResolveSession(Guid.Empty, Guid.Empty, null, Guid.Empty);
}
