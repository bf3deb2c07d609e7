using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faultline.WebApi.Tests;

/// <summary>
/// A real HTTP server standing in for Slack and webhook receivers: it records every request and
/// answers each path with scripted responses (the last one repeats). It listens on 127.0.0.2, which
/// the test API trusts as an internal receiver, while 127.0.0.1 stays refused by the SSRF guard.
/// Compressed bodies (Sentry's envelopes are gzipped) are recorded decompressed.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    public const string Address = "127.0.0.2";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();

    /// <summary>One scripted answer, with response headers (Location, rate-limit headers…).</summary>
    public sealed record Reply(int Status, string Body, params (string Name, string Value)[] Headers);

    public sealed record Received(string Path, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

    public ConcurrentQueue<Received> Requests { get; } = new();

    private HttpReceiver(WebApplication app) => _app = app;

    public string Url(string path) => $"{_app.Urls.First()}{path}";

    /// <summary>The answers of one path, in order; the last is repeated once the others are used.</summary>
    public void Answer(string path, params (int Status, string Body)[] answers) =>
        Answer(path, answers.Select(a => new Reply(a.Status, a.Body)).ToArray());

    public void Answer(string path, params Reply[] answers) => _scripts[path] = new ConcurrentQueue<Reply>(answers);

    public IReadOnlyList<Received> To(string path) => Requests.Where(r => r.Path == path).ToList();

    public static async Task<HttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{Address}:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRequestDecompression();
        var app = builder.Build();
        var receiver = new HttpReceiver(app);
        app.UseRequestDecompression();
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(context.Request.Path, body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow));
            var reply = new Reply(200, "ok");
            if (receiver._scripts.TryGetValue(context.Request.Path, out var script))
            {
                if (script.Count > 1 ? script.TryDequeue(out var next) : script.TryPeek(out next)) reply = next!;
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
            await context.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
