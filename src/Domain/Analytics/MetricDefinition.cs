namespace Faultline.Domain.Analytics;

/// <summary>A series has values per bucket and group; a table is a ranked list of rows.</summary>
public enum MetricShape
{
    Series,
    Table,
}

public enum MetricUnit
{
    Count,
    Ratio,
    Ms,
    Usd,
}

public enum TimeBucket
{
    Hour,
    Day,
    Week,
}

/// <summary>What a query can filter and group by.</summary>
public enum Dimension
{
    Repository,
    Pipeline,
    Job,
    Branch,
    Provider,
    Category,
}

/// <summary>
/// One metric of the catalog: what it means, how its values read, and which dimensions it can be
/// filtered and grouped by (a failure category only means something for metrics about failed jobs;
/// recovery times only exist on default branches, so they cannot be narrowed to a branch or job).
/// </summary>
public sealed record MetricDefinition(
    string Code,
    string Title,
    string Description,
    MetricShape Shape,
    MetricUnit Unit,
    IReadOnlyList<Dimension> Filters,
    IReadOnlyList<Dimension> GroupBys)
{
    /// <summary>Counts and costs are 0 where nothing happened; rates and durations have no value there.</summary>
    public bool ZeroWhenEmpty => Unit is MetricUnit.Count or MetricUnit.Usd;

    /// <summary>False for a metric that is a state at the end of the range, not something that happens in buckets.</summary>
    public bool Bucketed { get; init; } = true;
}
