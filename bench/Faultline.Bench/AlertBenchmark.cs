using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Faultline.Application.Alerts;
using Faultline.Application.Ingestion;
using Faultline.Domain.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Bench;

/// <summary>
/// Alerts: how long from sending a breaking event to the signed webhook arriving at a receiver
/// (the ingest-triggered evaluation and the outbox), and what evaluating common rules costs on the
/// seeded 10M-job tenant (server time, in process).
/// </summary>
internal static class AlertBenchmark
{
    public const string ReceiverAddress = "127.0.0.2";
    private const int EvaluationRounds = 5;

    public static async Task<IEnumerable<(string, string)>> LatencyAsync(HttpClient http, BenchHost host, int samples, CancellationToken cancellationToken)
    {
        var arrivals = new ConcurrentDictionary<string, long>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{ReceiverAddress}:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            arrivals.TryAdd(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("ruleId").GetString()!, Stopwatch.GetTimestamp());
            await context.Response.WriteAsync("ok");
        });
        await receiver.StartAsync(cancellationToken);

        var channel = await host.SendAsync(new CreateAlertChannel("bench receiver", "webhook", $"{receiver.Urls.First()}/hook", null), cancellationToken);
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var repository = $"bench/alert-latency-{i}";
            var rule = await host.SendAsync(new CreateAlertRule(new AlertRuleInput($"latency {i}", null, true,
                new MetricSpec("failures", Filters: new MetricFilters(Repository: repository)), new ConditionInput("above", 0, null, null), 10, 0,
                "info", "ok", "error", null, [channel.Id])), cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var probe = new EventItem("job", "api", $"alert-probe-{i}", 1, repository, "CI", "main", null, null, null, null, "failure",
                now.AddSeconds(-30), now.AddSeconds(-20), now, "alert-probe", $"alert-probe-{i}", null);
            var sent = Stopwatch.GetTimestamp();
            (await http.PostAsJsonAsync("/api/v1/events", new[] { probe }, cancellationToken)).EnsureSuccessStatusCode();
            var deadline = Stopwatch.StartNew();
            long arrived;
            while (!arrivals.TryGetValue(rule.Id.ToString(), out arrived) && deadline.Elapsed < TimeSpan.FromSeconds(90))
                await Task.Delay(10, cancellationToken);
            latencies.Add(arrived == 0 ? double.NaN : Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }

        await receiver.StopAsync(cancellationToken);
        var arrivedAll = latencies.Where(double.IsFinite).ToList();
        return
        [
            ("Alert latency: breaking event sent → signed webhook received, p50 / p95 / max",
                $"{Benchmarks.Percentile(arrivedAll, 50):N0} / {Benchmarks.Percentile(arrivedAll, 95):N0} / {arrivedAll.Max():N0} ms " +
                $"({arrivedAll.Count} of {samples} arrived)"),
        ];
    }

    /// <summary>Each common rule alone, evaluated at the end of the seeded data's latest busy hour so its windows are full.</summary>
    public static async Task<IEnumerable<(string, string)>> EvaluationCostAsync(IConfiguration configuration, string tenantKey, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(Infrastructure.DependencyInjection.WithoutJit(configuration.GetConnectionString("Postgres")!));
        DateTimeOffset latest;
        try
        {
            // The end of the latest busy hour (a stray late event would leave the windows empty).
            await using var command = dataSource.CreateCommand($"""
                SELECT date_trunc('hour', finished_at) + interval '1 hour' FROM "t_{tenantKey}".job_runs
                WHERE finished_at > now() - interval '60 days' GROUP BY 1 HAVING count(*) >= 1000 ORDER BY 1 DESC LIMIT 1
                """);
            if (await command.ExecuteScalarAsync(cancellationToken) is not DateTime at) return [("Alert evaluation on a seeded tenant", "no recent data: run `make seed`")];
            latest = new DateTimeOffset(at, TimeSpan.Zero);
        }
        catch (PostgresException)
        {
            return [("Alert evaluation on a seeded tenant", "not present: run `make seed` first")];
        }

        await using var host = new BenchHost(configuration);
        await host.UseTenantAsync(tenantKey, cancellationToken);
        foreach (var leftover in await host.SendAsync(new ListAlertRules(), cancellationToken))
            await host.SendAsync(new DeleteAlertRule(leftover.Id), cancellationToken);

        var rows = new List<(string, string)>();
        var templates = (await host.SendAsync(new ListAlertTemplates(), cancellationToken)).Select(t => (t.Name, t.Rule)).ToList();
        var tick = latest;
        foreach (var (name, input) in templates.Concat(
        [
            ("Failure rate per job over an hour", Rule("failure_rate", "job", "above", 0.5, 60)),
            ("Duration p95 per repository over an hour", Rule("duration_p95", "repository", "above", 1_800_000, 60)),
            ("Failures: a rise of 50% against the hour before", Rule("failures", null, "percent_change", 50, 60)),
        ]))
        {
            var rule = await host.SendAsync(new CreateAlertRule(input with { Name = name }), cancellationToken);
            var times = new List<double>();
            for (var round = 0; round < EvaluationRounds; round++)
            {
                tick = tick.AddSeconds(1);
                var started = Stopwatch.GetTimestamp();
                var evaluated = await host.SendAsync(new EvaluateAlertRules(tick), cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (evaluated != 1) throw new InvalidOperationException($"Expected one rule evaluated, got {evaluated}.");
            }

            var state = (await host.SendAsync(new GetAlertRule(rule.Id), cancellationToken));
            await host.SendAsync(new DeleteAlertRule(rule.Id), cancellationToken);
            rows.Add(($"Evaluate '{name}' on '{tenantKey}', median / max of {EvaluationRounds}",
                $"{Benchmarks.Percentile(times, 50):N0} / {times.Max():N0} ms ({state.Groups.Count} group(s), {state.State})"));
        }

        return rows;
    }

    private static AlertRuleInput Rule(string metric, string? groupBy, string kind, double threshold, int window) =>
        new(metric, null, true, new MetricSpec(metric, GroupBy: groupBy), new ConditionInput(kind, threshold, null, null), window, 0, "warning", "ok",
            "error", null, []);
}
