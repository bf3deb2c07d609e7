using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

public sealed class OperatorTenantEndpointTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task Without_a_token_provisioning_is_401_with_a_bearer_challenge_and_writes_nothing()
    {
        var response = await Api.Client.PostAsJsonAsync("/api/v1/admin/tenants", new { key = "intruder", name = "Intruder" });

        await ProblemAssert.IsProblemAsync(response, 401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0L, await CountTenantsNamedAsync("intruder"));
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/tenants");
        request.Headers.Authorization = new("Bearer", RunningApi.OperatorToken + "x");

        await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(request), 401);
    }

    [Fact]
    public async Task Invalid_fields_answer_400_with_field_errors_and_write_nothing()
    {
        var response = await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants", new { key = "Bad Key!", name = "" }));

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("lowercase", errors.GetProperty("key")[0].GetString());
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.schemata WHERE schema_name ILIKE 't_bad%'"));
    }

    [Fact]
    public async Task Missing_fields_are_field_errors_too()
    {
        var response = await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants", new { }));

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _));
    }

    [Fact]
    public async Task The_operator_provisions_a_tenant_with_a_migrated_schema_and_can_list_it()
    {
        var response = await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants", new { key = "acme", name = "Acme Inc." }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/admin/tenants/acme", response.Headers.Location?.OriginalString);
        var tenant = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("t_acme", tenant.GetProperty("schemaName").GetString());
        Assert.Equal(Infrastructure.Persistence.Migrations.SchemaMigrator.TenantVersion,
            await Api.Database.ScalarAsync<int>("SELECT max(version) FROM t_acme.schema_migrations"));

        var list = await (await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Get, "/api/v1/admin/tenants"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("key").GetString() == "acme");
    }

    [Fact]
    public async Task Provisioning_a_taken_key_is_a_409_and_keeps_the_first_tenant()
    {
        await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants", new { key = "globex", name = "Globex" }));

        var response = await Api.Client.SendAsync(RunningApi.AsOperator(HttpMethod.Post, "/api/v1/admin/tenants", new { key = "globex", name = "Other" }));

        await ProblemAssert.IsProblemAsync(response, 409);
        Assert.Equal("Globex", await Api.Database.ScalarAsync<string>("SELECT name FROM catalog.tenants WHERE key = 'globex'"));
    }

    [Fact]
    public async Task A_configured_demo_tenant_and_its_owner_are_provisioned_at_start_up()
    {
        await using var api = await RunningApi.StartAsync(demoTenant: "demo");

        await RunningApi.WaitForAsync(async () => await api.Database.ScalarAsync<long>("SELECT count(*) FROM catalog.memberships") == 1);
        Assert.Equal(1L, await api.Database.ScalarAsync<long>("SELECT count(*) FROM t_demo.settings"));

        // The demo owner can log in to it.
        using var session = new ApiSession(api);
        await session.LogInAsync("demo@faultline.local", "faultline-demo-password");
        Assert.Equal("demo", (await session.MeAsync()).GetProperty("tenant").GetProperty("key").GetString());
    }

    private Task<long> CountTenantsNamedAsync(string key) =>
        Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.tenants WHERE key = '{key}'");
}
