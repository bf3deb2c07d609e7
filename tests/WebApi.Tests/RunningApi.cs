using System.Net.Http.Json;
using System.Text.Json;
using Faultline.TestSupport;
using Faultline.WebApi;
using Microsoft.AspNetCore.Builder;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The real WebApi on Kestrel, on a free loopback port, against a fresh database on the test
/// PostgreSQL and the test Redis, serving a small built SPA from a temporary folder.
/// </summary>
public sealed class RunningApi : IAsyncDisposable
{
    public const string OperatorToken = "operator-token-for-tests";

    private readonly WebApplication _app;

    private readonly bool _ownsDatabase;

    private RunningApi(WebApplication app, TestDatabase database, bool ownsDatabase, SmtpSink mail, string spaRoot)
    {
        _ownsDatabase = ownsDatabase;
        _app = app;
        Database = database;
        Mail = mail;
        SpaRoot = spaRoot;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public TestDatabase Database { get; }

    /// <summary>The SMTP server this instance sends its e-mail to.</summary>
    public SmtpSink Mail { get; }

    public Uri BaseAddress { get; }

    public string SpaRoot { get; }

    public HttpClient Client { get; }

    /// <summary>The app's services, for tests of a layer below HTTP against this instance's real database.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="productionLimits">Keep the default per-address abuse limits; otherwise they are raised,
    /// since every test signs up and logs in from 127.0.0.1.</param>
    /// <param name="settings">More command-line settings ("--Key=value"), after the ones above so they win.</param>
    public static async Task<RunningApi> StartAsync(string? redis = null, string? demoTenant = null, bool waitUntilReady = true,
        string? postgres = null, bool productionLimits = false, TestDatabase? sharedDatabase = null, string? schedulerName = null,
        IEnumerable<string>? settings = null)
    {
        var database = sharedDatabase ?? new TestDatabase();
        if (sharedDatabase is null) await database.InitializeAsync();
        var mail = await SmtpSink.StartAsync();
        var spaRoot = Directory.CreateTempSubdirectory("faultline-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(spaRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(spaRoot, "index.html"), "<!doctype html><title>Faultline</title><div id=root></div>");
        await File.WriteAllTextAsync(Path.Combine(spaRoot, "assets", "app-1234.js"), "console.log('faultline');");

        var app = FaultlineApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Postgres={postgres ?? database.ConnectionString}",
            $"--Redis:Configuration={redis ?? TestStack.Redis}",
            $"--Faultline:OperatorToken={OperatorToken}",
            "--Faultline:MaxRequestBodyBytes=65536",
            $"--Faultline:DemoTenant:Key={demoTenant ?? ""}",
            $"--Spa:RootPath={spaRoot}",
            "--Logging:LogLevel:Default=Warning",
            $"--Smtp:Port={mail.Port}",
            "--Faultline:PublicBaseUrl=http://faultline.test",
            $"--Redis:KeyPrefix=faultline-test:{database.Name}:",
            $"--Faultline:Classification:ModelsPath={TestStack.Models}",
            .. AlertSettings(schedulerName ?? "faultline-test-" + Guid.NewGuid().ToString("N")),
            .. productionLimits ? Array.Empty<string>() :
            [
                "--Faultline:Limits:SignUpsPerAddressPerHour=100000",
                "--Faultline:Limits:LoginAttemptsPerAddressPer5Minutes=100000",
                "--Faultline:Limits:ResetRequestsPerAddressPerHour=100000",
            ],
            .. settings ?? [],
        ]);
        await app.StartAsync();

        var api = new RunningApi(app, database, ownsDatabase: sharedDatabase is null, mail, spaRoot);
        if (waitUntilReady) await WaitForAsync(async () => (await api.Client.GetAsync("/health/ready")).IsSuccessStatusCode);
        return api;
    }

    /// <summary>
    /// Alerts tick every 2 s and retry fast, so tests see minutes' worth in seconds; receivers listen
    /// on 127.0.0.2. Quartz keeps one scheduler per name in a process: instances in one process need
    /// names of their own, and a cluster of two needs a second process (<see cref="WebApiProcess"/>).
    /// </summary>
    public static string[] AlertSettings(string schedulerName) =>
    [
        $"--Faultline:Alerts:Scheduler:SchedulerName={schedulerName}",
        "--Faultline:Alerts:Scheduler:EvaluationInterval=00:00:02",
        "--Faultline:Alerts:Scheduler:IngestDelay=00:00:00.200",
        "--Faultline:Alerts:Delivery:FirstRetry=00:00:00.300",
        "--Faultline:Alerts:Delivery:MaxAttempts=3",
        $"--Faultline:Alerts:TrustedTargets:0={HttpReceiver.Address}/32",
    ];

    /// <summary>Polls a condition for up to 30 s; start-up work runs in the background.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
            await Task.Delay(100, timeout.Token);
    }

    public static HttpRequestMessage AsOperator(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", OperatorToken);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
        await Mail.DisposeAsync();
        Directory.Delete(SpaRoot, recursive: true);
    }
}

/// <summary>One running API shared by the tests of a class.</summary>
public sealed class RunningApiFixture : IAsyncLifetime
{
    public RunningApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await RunningApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.True(problem.TryGetProperty("traceId", out _));
        return problem;
    }
}
