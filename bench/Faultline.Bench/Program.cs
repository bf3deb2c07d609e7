using Faultline.Bench;
using Faultline.Infrastructure;
using Microsoft.Extensions.Configuration;

// faultline-bench seed [--tenant KEY] [--jobs N] [--days D] [--logs-fraction F] [--if-empty] [--demo-alerts]
// faultline-bench run [--seeded-tenant KEY] [--only inference]
// Connection settings as the WebApi reads them: ConnectionStrings__Postgres, Redis__Configuration.
var command = args.FirstOrDefault() ?? "run";
var options = args.Skip(1).ToList();
string Option(string name, string fallback) => options.IndexOf("--" + name) is var i and >= 0 && i + 1 < options.Count ? options[i + 1] : fallback;

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = DependencyInjection.DefaultPostgres,
        ["Redis:Configuration"] = DependencyInjection.DefaultRedis,
        // make runs the bench from the repository root.
        ["Faultline:Classification:ModelsPath"] = Path.GetFullPath("models"),
    })
    .AddEnvironmentVariables()
    .Build();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

switch (command)
{
    case "seed":
        await using (var host = new BenchHost(configuration))
        {
            await Seeder.SeedAsync(host, Option("tenant", "bench10m"), long.Parse(Option("jobs", "10000000"), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(Option("days", "180"), System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(Option("logs-fraction", "0.05"), System.Globalization.CultureInfo.InvariantCulture), options.Contains("--if-empty"), cancel.Token);
            if (options.Contains("--demo-alerts")) await DemoAlerts.EnsureAsync(host, BenchHost.OwnerEmail(Option("tenant", "bench10m")), cancel.Token);
        }

        break;
    case "run":
        await Benchmarks.RunAsync(configuration, Option("seeded-tenant", "bench10m"), options.Contains("--only") ? Option("only", "") : null, cancel.Token);
        break;
    default:
        Console.Error.WriteLine("usage: faultline-bench seed [--tenant KEY] [--jobs N] [--days D] [--logs-fraction F] [--if-empty] | run [--seeded-tenant KEY]");
        return 2;
}

return 0;
