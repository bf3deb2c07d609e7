namespace Faultline.Domain.Analytics;

/// <summary>Exact-match filters of a metric query; null means "any".</summary>
public sealed record MetricFilters(
    string? Repository = null, string? Pipeline = null, string? Job = null, string? Branch = null, string? Provider = null, string? Category = null)
{
    public static readonly MetricFilters None = new();

    /// <summary>These filters with <paramref name="overrides"/>' non-null ones on top (a dashboard's filters over a widget's).</summary>
    public MetricFilters With(MetricFilters overrides) => new(
        overrides.Repository ?? Repository, overrides.Pipeline ?? Pipeline, overrides.Job ?? Job, overrides.Branch ?? Branch,
        overrides.Provider ?? Provider, overrides.Category ?? Category);

    /// <summary>Blank filters mean "any"; surrounding spaces are never part of a name.</summary>
    public MetricFilters Normalised() => new(
        Clean(Repository), Clean(Pipeline), Clean(Job), Clean(Branch), Clean(Provider), Clean(Category));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>These filters on the given dimensions only; the others become "any".</summary>
    public MetricFilters Restricted(IReadOnlyCollection<Dimension> dimensions)
    {
        string? Kept(Dimension dimension) => dimensions.Contains(dimension) ? Of(dimension) : null;
        return new MetricFilters(Kept(Dimension.Repository), Kept(Dimension.Pipeline), Kept(Dimension.Job), Kept(Dimension.Branch),
            Kept(Dimension.Provider), Kept(Dimension.Category));
    }

    public string? Of(Dimension dimension) => dimension switch
    {
        Dimension.Repository => Repository,
        Dimension.Pipeline => Pipeline,
        Dimension.Job => Job,
        Dimension.Branch => Branch,
        Dimension.Provider => Provider,
        Dimension.Category => Category,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}

/// <summary>
/// What to compute, without the time range: the query a dashboard widget or an alert rule keeps.
/// Codes as the API writes them; validated where it enters (see the Application's spec validator).
/// AlsoGroupBy adds dimensions after GroupBy: one group per combination (an alert per repository and pipeline);
/// it is absent from older stored specs, which group by GroupBy alone.
/// </summary>
public sealed record MetricSpec(
    string Metric, [property: EnumCodes<TimeBucket>] string? Bucket = null, [property: EnumCodes<Dimension>] string? GroupBy = null,
    MetricFilters? Filters = null, int? Top = null, [property: EnumCodes<Dimension>] IReadOnlyList<string>? AlsoGroupBy = null)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;

    // A list compares by reference; two specs that group alike are the same spec (a rule that did not change keeps its states).
    public bool Equals(MetricSpec? other) =>
        other is not null && Metric == other.Metric && Bucket == other.Bucket && GroupBy == other.GroupBy && Filters == other.Filters &&
        Top == other.Top && (AlsoGroupBy ?? []).SequenceEqual(other.AlsoGroupBy ?? []);

    public override int GetHashCode() => HashCode.Combine(Metric, Bucket, GroupBy, Filters, Top, string.Join(',', AlsoGroupBy ?? []));

    /// <summary>Every dimension the spec groups by, in order; empty when it is not grouped.</summary>
    public IReadOnlyList<string> GroupDimensions() => GroupBy is null ? [] : [GroupBy, .. AlsoGroupBy ?? []];
}

/// <summary>
/// The name of a group over several dimensions: its values joined by a control character no name contains, so a
/// group over one dimension is named by its value alone (as stored before grouping by several) and the parts come back intact.
/// </summary>
public static class MetricGroup
{
    public const char Separator = '\u001f';

    public static IReadOnlyList<string> Parts(string group) => group.Split(Separator);

    /// <summary>The group as people read it: "acme/api · CI".</summary>
    public static string Label(string group) => string.Join(" · ", Parts(group));
}
