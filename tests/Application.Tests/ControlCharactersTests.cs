using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Validation;
using Faultline.Application.Tenants;

namespace Faultline.Application.Tests;

public class ControlCharactersTests
{
    public sealed record Inner(string? Branch);

    public sealed record Outer(
        string? Name, Inner? Inner, IReadOnlyList<string>? Tags, IReadOnlyDictionary<string, string>? Filters, [property: LogText] string? Log)
    {
        public string Derived => Name is null ? "" : throw new InvalidOperationException("a computed property is never evaluated");
    }

    [Fact]
    public void Every_string_is_found_by_the_path_a_client_wrote_it_at()
    {
        var filters = new Dictionary<string, string> { ["branch"] = "x\ty" };
        var request = new Outer("a\u0000b", new Inner("main\u0001"), ["ok", "bad\u001f"], filters, null);

        var found = ControlCharacters.Find(request).Select(f => f.Path).ToList();

        Assert.Equal(["name", "inner.branch", "tags[1]", "filters[branch]"], found);
    }

    [Fact]
    public void Clean_text_passes_and_logs_keep_their_own_rule()
    {
        const string log = "line 1\n\u001b[31mred\u001b[0m\r\n\0";
        var request = new Outer("Ünïcödé ok — fine", null, [], new Dictionary<string, string> { ["k"] = "v" }, log);

        Assert.Empty(ControlCharacters.Find(request));
    }

    [Fact]
    public void A_key_with_a_control_character_is_found()
    {
        var found = Assert.Single(ControlCharacters.Find(new Outer(null, null, null, new Dictionary<string, string> { ["a\u0000"] = "v" }, null)));

        Assert.Equal("filters", found.Path);
        Assert.Contains("U+0000", found.Message);
    }

    [Fact]
    public async Task A_request_with_a_nul_is_refused_by_field_before_its_handler_runs()
    {
        using var harness = new ApplicationHarness(FakePrincipal.Operator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => harness.SendAsync(new ProvisionTenant("acme", "Acme\u0000 Inc.")));

        Assert.Equal(["name"], error.Errors.Keys);
        Assert.Empty(harness.Catalog.Tenants);
    }
}
