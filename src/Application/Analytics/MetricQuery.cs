using System.Text.Json;
using Faultline.Domain;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Analytics;

/// <summary>
/// A validated metric spec over a time range, in canonical form: codes resolved, the range widened
/// to whole hours (the rollups' grain, and one cache entry per hour for "the last 7 days"), and
/// defaults filled in, so two specs that mean the same thing are the same query and the same cache key.
/// </summary>
public sealed record MetricQuery(
    MetricDefinition Metric, DateTimeOffset From, DateTimeOffset To, TimeBucket? Bucket, Dimension? GroupBy, MetricFilters Filters, int Top)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);
    public static readonly TimeSpan MaxHourlyRange = TimeSpan.FromDays(14);

    /// <summary>The canonical query of a spec that passed <see cref="MetricSpecValidator"/>.</summary>
    public static MetricQuery Of(MetricSpec spec, DateTimeOffset from, DateTimeOffset to)
    {
        var metric = MetricCatalog.Find(spec.Metric) ?? throw new ArgumentException($"Unknown metric '{spec.Metric}'.", nameof(spec));
        Dimension? groupBy = spec.GroupBy is null ? null : EnumCode.Parse<Dimension>(spec.GroupBy);
        // The categories metric is failures by category, grouped or not.
        if (metric == MetricCatalog.FailureCategories) groupBy = Dimension.Category;
        return new MetricQuery(metric, FloorHour(from), CeilingHour(to), spec.Bucket is null ? null : EnumCode.Parse<TimeBucket>(spec.Bucket), groupBy,
            (spec.Filters ?? MetricFilters.None).Normalised(), spec.Top ?? MetricSpec.DefaultTop)
        {
            AlsoGroupBy = groupBy is null ? [] : [.. (spec.AlsoGroupBy ?? []).Select(EnumCode.Parse<Dimension>)],
        };
    }

    /// <summary>The dimensions after <see cref="GroupBy"/>: one group per combination of values.</summary>
    public IReadOnlyList<Dimension> AlsoGroupBy { get; init; } = [];

    /// <summary>Every dimension the query groups by, in order.</summary>
    public IReadOnlyList<Dimension> GroupDimensions => GroupBy is { } first ? [first, .. AlsoGroupBy] : [];

    /// <summary>
    /// True for a query over exactly its range (alert windows end at any minute): computed from single
    /// jobs and runs, since the rollups only know whole hours.
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>The query of a validated spec over exactly [from, to), not widened to hours.</summary>
    public static MetricQuery Between(MetricSpec spec, DateTimeOffset from, DateTimeOffset to) =>
        Of(spec, from, to) with { From = from, To = to, Exact = true };

    /// <summary>A stable text of everything that decides the result (the cache key's query part).</summary>
    public string CanonicalKey => JsonSerializer.Serialize(new
    {
        metric = Metric.Code,
        from = From.UtcDateTime.ToString("O"),
        to = To.UtcDateTime.ToString("O"),
        bucket = Bucket is { } bucket ? EnumCode.Of(bucket) : null,
        groupBy = GroupBy is { } dimension ? EnumCode.Of(dimension) : null,
        alsoGroupBy = AlsoGroupBy.Select(EnumCode.Of).ToList(),
        Filters.Repository, Filters.Pipeline, Filters.Job, Filters.Branch, Filters.Provider, Filters.Category,
        top = Top,
        exact = Exact,
    });

    public static DateTimeOffset FloorHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset CeilingHour(DateTimeOffset at)
    {
        var floor = FloorHour(at);
        return floor == at ? floor : floor.AddHours(1);
    }
}
