using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

public sealed class HealthEndpointTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private HttpClient Client => fixture.Api.Client;

    [Fact]
    public async Task Live_answers_without_checking_dependencies()
    {
        var response = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_reports_postgres_and_redis_healthy()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("healthy").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["postgres"] = true, ["redis"] = true }, checks);
    }

    [Fact]
    public async Task Ready_names_the_execution_provider_the_models_run_on_and_nothing_more()
    {
        var body = await (await Client.GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>();

        var inference = body.GetProperty("inference");
        Assert.Contains(inference.GetProperty("provider").GetString(), TestStack.ExecutionProviders);
        Assert.Equal(["provider"], inference.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Ready_answers_503_naming_redis_when_redis_is_down()
    {
        await using var api = await RunningApi.StartAsync(redis: $"127.0.0.1:{TestStack.ClosedPort()},connectTimeout=500", waitUntilReady: false);
        JsonElement body = default;
        HttpStatusCode status = default;
        // Wait for the migrations, so that only Redis is left to blame.
        await RunningApi.WaitForAsync(async () =>
        {
            var response = await api.Client.GetAsync("/health/ready");
            status = response.StatusCode;
            body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "postgres").GetProperty("healthy").GetBoolean();
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not_ready", body.GetProperty("status").GetString());
        var redis = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "redis");
        Assert.False(redis.GetProperty("healthy").GetBoolean());
        // Anonymous callers learn which dependency failed, never the exception's text (addresses, versions, internals).
        Assert.Equal("redis is unavailable.", redis.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_while_postgres_is_unreachable_and_the_process_stays_live()
    {
        await using var api = await RunningApi.StartAsync(waitUntilReady: false, postgres: $"Host=127.0.0.1;Port={TestStack.ClosedPort()};Username=x;Database=x;Timeout=2");

        var ready = await api.Client.GetAsync("/health/ready");
        var live = await api.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
