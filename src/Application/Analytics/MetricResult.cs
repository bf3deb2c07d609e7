using Faultline.Domain.Analytics;
using Faultline.Domain;
namespace Faultline.Application.Analytics;

/// <summary>One value of a series: at the start of its bucket (null without buckets).</summary>
public sealed record MetricPoint(DateTimeOffset? At, double? Value);

/// <summary>One group's values over time; Group is null without a group-by.</summary>
public sealed record MetricSeries(string? Group, IReadOnlyList<MetricPoint> Points);

/// <summary>One row of a table metric: names (repository, job, times…) and numbers.</summary>
public sealed record MetricTableRow(IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, double?> Values);

public sealed record MetricResult(
    string Metric, [property: EnumCodes<MetricUnit>] string Unit, [property: EnumCodes<MetricShape>] string Shape, DateTimeOffset From,
    DateTimeOffset To, [property: EnumCodes<TimeBucket>] string? Bucket, [property: EnumCodes<Dimension>] string? GroupBy,
    IReadOnlyList<MetricSeries> Series, IReadOnlyList<MetricTableRow> Table);
