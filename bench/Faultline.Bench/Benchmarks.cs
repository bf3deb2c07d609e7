using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.ApiKeys;
using Faultline.Application.Ingestion;
using Faultline.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Faultline.Bench;

/// <summary>
/// `make bench`: ingest over HTTP (batches of 1,000, as clients send them) and through the bulk path,
/// data latency (event sent → visible in the rollups dashboards read), and the size and dashboard
/// load times (cold, warm, plain SQL) of a seeded 10M-job tenant when one exists. Runs against a fresh database; prints one table.
/// </summary>
internal static class Benchmarks
{
    private const int HttpBatch = 1_000;

    /// <param name="only">"ingest", "alerts", "inference", "analytics" or "reports" runs those figures alone; null runs everything.</param>
    public static async Task RunAsync(IConfiguration configuration, string seededTenant, string? only, CancellationToken cancellationToken)
    {
        var devDatabase = configuration.GetConnectionString("Postgres")!;
        var benchDatabase = await FreshDatabaseAsync(devDatabase, "faultline_bench");
        var settings = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = benchDatabase,
                ["Faultline:Alerts:TrustedTargets:0"] = AlertBenchmark.ReceiverAddress + "/32",
            }).Build();

        await using var host = new BenchHost(settings);
        var tenant = await host.UseTenantAsync("bench", cancellationToken);
        var key = (await host.SendAsync(new CreateApiKey("bench", ["ingest", "read", "predict"]), cancellationToken)).Key;

        var app = FaultlineApp.Create(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Postgres={benchDatabase}",
            $"--Redis:Configuration={settings["Redis:Configuration"] ?? "127.0.0.1:56379"}", "--Logging:LogLevel:Default=Warning",
            $"--Spa:RootPath={Path.GetTempPath()}/no-spa", $"--Faultline:Classification:ModelsPath={settings["Faultline:Classification:ModelsPath"]}",
            $"--Faultline:Classification:ExecutionProvider={settings["Faultline:Classification:ExecutionProvider"] ?? "auto"}",
            $"--Faultline:Alerts:TrustedTargets:0={AlertBenchmark.ReceiverAddress}/32"]);
        await app.StartAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var rows = new List<(string, string)>();

        var random = new Random(7);
        var to = DateTimeOffset.UtcNow;
        var generator = new EventGenerator(new WorkloadModel(random, 40, to.AddDays(-30), to), random, to.AddDays(-30), to);

        // Each section is measured on its own when asked for (`make bench ONLY=…`), in this order otherwise.
        var sections = new (string Name, Func<Task<IEnumerable<(string, string)>>> Measure)[]
        {
            ("ingest", async () => await IngestAsync(http, host, generator, tenant.SchemaName, cancellationToken)),
            ("alerts", () => AlertBenchmark.LatencyAsync(http, host, samples: 20, cancellationToken)),
            ("inference", async () => await InferenceBenchmark.RunAsync(host, http, cancellationToken)),
            ("alerts", () => AlertBenchmark.EvaluationCostAsync(configuration, seededTenant, cancellationToken)),
            ("analytics", () => SeededTenantAsync(devDatabase, seededTenant, cancellationToken)),
            ("analytics", () => AnalyticsBenchmark.RunAsync(configuration, seededTenant, cancellationToken)),
            ("reports", () => ReportBenchmark.RunAsync(configuration, seededTenant, host, benchDatabase, tenant.SchemaName, generator, cancellationToken)),
        };
        foreach (var (_, measure) in sections.Where(section => only is null || section.Name == only))
            rows.AddRange(await measure());

        await app.StopAsync(cancellationToken);
        Print(rows);
    }

    /// <summary>Ingest over HTTP with 1 and 4 senders, the bulk path in process, and the data latency to the rollups.</summary>
    private static async Task<List<(string, string)>> IngestAsync(
        HttpClient http, BenchHost host, EventGenerator generator, string schema, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string)>();
        // Warm up JIT, pools and plans, outside the measurements.
        await PostAsync(http, generator.Generate(2_000).Select(e => e.Item).ToArray(), cancellationToken);

        foreach (var senders in new[] { 1, 4 })
        {
            var (eventsPerSecond, latencies) = await HttpIngestAsync(http, generator, batches: 100, senders, cancellationToken);
            rows.Add(($"HTTP ingest, batches of {HttpBatch:N0}, {senders} sender(s)", $"{eventsPerSecond:N0} events/s"));
            rows.Add(($"  request latency p50 / p95 / p99", $"{Percentile(latencies, 50):N0} / {Percentile(latencies, 95):N0} / {Percentile(latencies, 99):N0} ms"));
        }

        var bulk = generator.Generate(500_000).Select(e => new EventInput(e.Item, null)).Chunk(Seeder.BatchSize).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var batch in bulk) await host.SendAsync(new IngestEvents(batch), cancellationToken);
        rows.Add(($"Bulk path (in process), batches of {Seeder.BatchSize:N0}", $"{bulk.Sum(b => b.Length) / clock.Elapsed.TotalSeconds:N0} events/s"));

        var visible = await DataLatencyAsync(http, host, schema, samples: 50, cancellationToken);
        rows.Add(("Data latency: event sent → in the hourly rollups, p50 / p95 / max",
            $"{Percentile(visible, 50):N1} / {Percentile(visible, 95):N1} / {visible.Max():N1} ms"));
        return rows;
    }

    private static void Print(List<(string, string)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| measure | figure |");
        Console.WriteLine("| --- | --- |");
        foreach (var (measure, figure) in rows) Console.WriteLine($"| {measure} | {figure} |");
    }

    private static async Task<(double EventsPerSecond, List<double> LatenciesMs)> HttpIngestAsync(HttpClient http, EventGenerator generator,
        int batches, int senders, CancellationToken cancellationToken)
    {
        var work = new System.Collections.Concurrent.ConcurrentQueue<EventItem[]>(
            generator.Generate((long)batches * HttpBatch).Select(e => e.Item).Chunk(HttpBatch).Take(batches));
        var total = work.Sum(b => b.Length);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var batch))
            {
                var started = Stopwatch.GetTimestamp();
                await PostAsync(http, batch, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)));
        return (total / clock.Elapsed.TotalSeconds, latencies.ToList());
    }

    private static async Task<List<double>> DataLatencyAsync(HttpClient http, BenchHost host, string schema, int samples, CancellationToken cancellationToken)
    {
        var dataSource = host.Get<NpgsqlDataSource>();
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var name = $"latency-probe-{Guid.NewGuid():N}";
            var now = DateTimeOffset.UtcNow;
            var probe = new EventItem("job", "api", name, 1, "bench/latency", "CI", "main", null, null, null, null, "failure",
                now.AddSeconds(-30), now.AddSeconds(-20), now, "latency", name, null);
            var started = Stopwatch.GetTimestamp();
            await PostAsync(http, [probe], cancellationToken);
            while (true)
            {
                await using var command = dataSource.CreateCommand($"SELECT coalesce(sum(jobs), 0) FROM \"{schema}\".job_rollups_hourly WHERE job_name = $1");
                command.Parameters.Add(new NpgsqlParameter { Value = name });
                if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1) break;
                await Task.Delay(5, cancellationToken);
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<IEnumerable<(string, string)>> SeededTenantAsync(string devDatabase, string tenantKey, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(devDatabase);
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'job_runs') > 0,
                   (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $1 AND c.relkind IN ('r', 'm'))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = "t_" + tenantKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0)) return [($"Seeded tenant '{tenantKey}'", "not present: run `make seed` first")];
        var bytes = reader.GetInt64(1);
        await reader.DisposeAsync();

        await using var count = dataSource.CreateCommand($"SELECT count(*) FROM \"t_{tenantKey}\".job_runs");
        var jobs = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return [($"Seeded tenant '{tenantKey}': jobs", $"{jobs:N0}"), ($"  disk size (tables, indexes, TOAST)", $"{bytes / 1024.0 / 1024 / 1024:N2} GiB")];
    }

    private static async Task PostAsync(HttpClient http, EventItem[] batch, CancellationToken cancellationToken)
    {
        var response = await http.PostAsJsonAsync("/api/v1/events", batch, JsonSerializerOptions.Web, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"ingest failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task<string> FreshDatabaseAsync(string devDatabase, string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(devDatabase) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); ", connection);
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(devDatabase) { Database = name }.ConnectionString;
    }

    internal static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
