using System.Diagnostics.Metrics;

namespace Faultline.Application.Common.Metrics;

/// <summary>
/// The product's own measurements, all on one <see cref="Meter"/> named <see cref="MeterName"/>: use cases and
/// adapters record here, and the host exports the meter (OpenTelemetry, scraped by Prometheus). Request rates and
/// latencies come from ASP.NET Core's and Npgsql's own meters. No tenant label: the scrape endpoint is anonymous.
/// </summary>
public sealed class FaultlineMetrics
{
    public const string MeterName = "Faultline";

    private readonly Counter<long> _ingestedEvents;
    private readonly Counter<long> _queryCacheLookups;
    private readonly Counter<long> _queryComputations;
    private readonly Counter<long> _alertDeliveries;
    private long _queryCacheHits;
    private long _queryCacheMisses;
    private (long Depth, double OldestAgeSeconds)? _classificationQueue;

    /// <param name="meters">The host's factory, so every host (and test server) in a process has meters of its own.</param>
    public FaultlineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _ingestedEvents = meter.CreateCounter<long>("faultline.ingest.events", "{event}",
            "Events received by the events API and the provider webhooks, by outcome (accepted, duplicate, rejected).");
        _queryCacheLookups = meter.CreateCounter<long>("faultline.query_cache.lookups", "{lookup}",
            "Cached query lookups, by outcome (hit, miss).");
        _queryComputations = meter.CreateCounter<long>("faultline.query_cache.computations", "{computation}",
            "Query computations run: below misses when single-flight served several callers from one.");
        meter.CreateObservableGauge("faultline.query_cache.hit_ratio", QueryCacheHitRatio, "1",
            "Hits / (hits + misses) since the process started.");
        _alertDeliveries = meter.CreateCounter<long>("faultline.alert.deliveries", "{attempt}",
            "Alert notification delivery attempts, by outcome (sent, retrying, gave_up).");
        meter.CreateObservableGauge("faultline.classification.queue.depth", () => ClassificationQueue(q => q.Depth), "{job}",
            "Failed jobs waiting for background classification, every tenant together (as of the last sweep).");
        meter.CreateObservableGauge("faultline.classification.queue.oldest_age", () => ClassificationQueue(q => q.OldestAgeSeconds), "s",
            "How long the oldest job waiting for classification has waited (as of the last sweep).");
    }

    public void EventsIngested(int accepted, int duplicates, int rejected)
    {
        _ingestedEvents.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        _ingestedEvents.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        _ingestedEvents.Add(rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
    }

    public void QueryCacheLookup(bool hit)
    {
        Interlocked.Increment(ref hit ? ref _queryCacheHits : ref _queryCacheMisses);
        _queryCacheLookups.Add(1, new KeyValuePair<string, object?>("outcome", hit ? "hit" : "miss"));
    }

    public void QueryComputed() => _queryComputations.Add(1);

    public void AlertDeliveryAttempted(string outcome) => _alertDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ClassificationQueueMeasured(long depth, TimeSpan oldestAge) =>
        _classificationQueue = (depth, Math.Round(oldestAge.TotalSeconds, 3));

    private double QueryCacheHitRatio()
    {
        var (hits, misses) = (Interlocked.Read(ref _queryCacheHits), Interlocked.Read(ref _queryCacheMisses));
        return hits + misses == 0 ? 0 : (double)hits / (hits + misses);
    }

    // Nothing until the first sweep measured the queue: an unknown depth is not a depth of 0.
    private IEnumerable<Measurement<double>> ClassificationQueue(Func<(long Depth, double OldestAgeSeconds), double> value) =>
        _classificationQueue is { } queue ? [new Measurement<double>(value(queue))] : [];
}
