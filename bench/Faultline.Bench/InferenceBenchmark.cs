using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Infrastructure.Inference;

namespace Faultline.Bench;

/// <summary>
/// Classification figures: single predictions over HTTP (latency), batches in process and over HTTP
/// (throughput), and where the time goes (featurizing vs the model). Inputs are the shared dataset's
/// real logs (median ~100 KB) and a short log, since latency depends mostly on the log's size.
/// </summary>
internal static class InferenceBenchmark
{
    private const string ShortLog = """
        Run npm test
        > shop@1.0.0 test
        > jest --ci
        FAIL src/cart/total.test.ts
          ● cart total › applies the discount
            expect(received).toBe(expected) // Object.is equality
            Expected: 90
            Received: 100
        Tests: 1 failed, 41 passed, 42 total
        ##[error]Process completed with exit code 1.
        """;

    public static async Task<List<(string, string)>> RunAsync(BenchHost host, HttpClient http, CancellationToken cancellationToken)
    {
        var logs = RealLogs();
        if (logs.Count == 0) return [("Inference", "skipped: no dataset at ../shared/datasets/ci-failures")];
        var median = logs.OrderBy(l => l.Length).ElementAt(logs.Count / 2);
        var rows = new List<(string, string)>();
        var analyzer = host.Get<FailureAnalyzer>();
        var classifier = host.Get<IFailureClassifier>();
        var model = classifier.DefaultAssignment.Active;

        // Warm-up: JIT, ONNX Runtime's thread pool and the first allocations.
        analyzer.Analyze(model, [.. logs.Take(50).Select(l => new LogToAnalyze(l))]);
        for (var i = 0; i < 20; i++) await PredictAsync(http, ShortLog, cancellationToken);

        // A 1 MB log: real logs one after another, as a long job with many steps prints.
        var joined = new System.Text.StringBuilder();
        foreach (var log in logs.TakeWhile(_ => joined.Length < 1024 * 1024)) joined.Append(log).Append('\n');
        var big = joined.ToString(0, Math.Min(joined.Length, 1024 * 1024));
        foreach (var (name, log) in new[]
        {
            ("short log (11 lines)", ShortLog), ($"median real log ({median.Length / 1024:N0} KB)", median), ("1 MB log", big),
        })
        {
            var latencies = new List<double>();
            for (var i = 0; i < 300; i++)
            {
                var clock = Stopwatch.StartNew();
                await PredictAsync(http, log, cancellationToken);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            rows.Add(($"Prediction over HTTP, {name}, p50 / p99", $"{Benchmarks.Percentile(latencies, 50):N1} / {Benchmarks.Percentile(latencies, 99):N1} ms"));
        }

        var real = Enumerable.Range(0, 1000).Select(i => new LogToAnalyze(logs[i % logs.Count])).ToList();
        var shorts = Enumerable.Range(0, 1000).Select(i => new LogToAnalyze($"{ShortLog}\nrun {i}")).ToList();
        foreach (var (name, batch) in new[] { ("real logs", real), ("short logs", shorts) })
        {
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < 3; round++) analyzer.Analyze(model, batch);
            rows.Add(($"Batch of 1,000 {name} in process (featurize + model + key lines)", $"{3000 / clock.Elapsed.TotalSeconds:N0} predictions/s"));
        }

        var documents = new float[1000 * LogFeaturizer.DocumentDimension];
        var prepared = real.Select(l => LogFeaturizer.Prepare(l.Log)).ToList();
        for (var i = 0; i < prepared.Count; i++) LogFeaturizer.Document(prepared[i], documents.AsSpan(i * LogFeaturizer.DocumentDimension, LogFeaturizer.DocumentDimension));
        var modelClock = Stopwatch.StartNew();
        for (var round = 0; round < 5; round++) classifier.Classify(model, documents, 1000);
        rows.Add(($"  of which the document model alone ({model})", $"{5000 / modelClock.Elapsed.TotalSeconds:N0} predictions/s"));

        foreach (var (name, batch) in new[] { ("real logs", real.Take(200).ToList()), ("short logs", shorts) })
        {
            var body = new { items = batch.Select(l => new { log = l.Log.Text }).ToArray() };
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsJsonAsync("/api/v1/batch-predict", body, cancellationToken);
            response.EnsureSuccessStatusCode();
            rows.Add(($"Batch over HTTP, {batch.Count:N0} {name} per request", $"{batch.Count / clock.Elapsed.TotalSeconds:N0} predictions/s"));
        }

        return rows;
    }

    private static async Task PredictAsync(HttpClient http, string log, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/predict", new { log }, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static List<string> RealLogs()
    {
        var root = Path.GetFullPath("../shared/datasets/ci-failures");
        if (!File.Exists(Path.Combine(root, "labels.jsonl"))) return [];
        return [.. File.ReadLines(Path.Combine(root, "labels.jsonl")).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            return LogFiles.Read(Path.Combine(root, row.RootElement.GetProperty("log").GetString()!));
        })];
    }
}
