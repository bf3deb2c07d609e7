using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>A job that failed in the report's range and not in the period before it ("acme/api · CI · test").</summary>
public sealed record NewFailingJob(string Job, double Failures);

/// <summary>A failure category with more failures than in the period before.</summary>
public sealed record GrowingCategory(string Category, double Failures, double Previous)
{
    public double Growth => Failures - Previous;

    /// <summary>"+12 (+150%)", or "+12 (new)" when the category had none before.</summary>
    public string ChangeText => Previous == 0
        ? string.Create(CultureInfo.InvariantCulture, $"+{Growth:0} (new)")
        : string.Create(CultureInfo.InvariantCulture, $"+{Growth:0} ({Growth / Previous:+0%})");
}

/// <summary>A default-branch pipeline failing at the end of the range ("acme/api · CI"), and for how long.</summary>
public sealed record BrokenPipeline(string Pipeline, double BrokenForMs)
{
    public string BrokenForText => MetricValueText.Of(MetricUnit.Ms, BrokenForMs);
}

/// <summary>
/// "What changed" of a digest: the top new failing jobs, the categories that grew most, the default branches broken
/// longest at the end of the range. Computed from the metrics' results for the range and the period before it.
/// </summary>
public sealed record ReportChangeSummary(
    IReadOnlyList<NewFailingJob> NewFailingJobs, IReadOnlyList<GrowingCategory> GrowingCategories, IReadOnlyList<BrokenPipeline> BrokenPipelines)
{
    public const int Top = 5;

    /// <summary>
    /// <paramref name="failingNow"/>/<paramref name="failingBefore"/>: top_failing_jobs of the range and the period before;
    /// <paramref name="categoriesNow"/>/<paramref name="categoriesBefore"/>: failure_categories without buckets;
    /// <paramref name="broken"/>: broken_for grouped by repository and pipeline.
    /// </summary>
    public static ReportChangeSummary From(MetricResult failingNow, MetricResult failingBefore, MetricResult categoriesNow, MetricResult categoriesBefore,
        MetricResult broken)
    {
        var failedBefore = failingBefore.Table.Where(row => Failures(row) > 0).Select(JobName).ToHashSet(StringComparer.Ordinal);
        var newJobs = failingNow.Table.Where(row => Failures(row) > 0 && !failedBefore.Contains(JobName(row)))
            .Select(row => new NewFailingJob(JobName(row), Failures(row)))
            .OrderByDescending(j => j.Failures).ThenBy(j => j.Job, StringComparer.Ordinal).Take(Top).ToList();

        var before = Totals(categoriesBefore);
        var grown = Totals(categoriesNow).Select(c => new GrowingCategory(c.Key, c.Value, before.GetValueOrDefault(c.Key)))
            .Where(c => c.Growth > 0).OrderByDescending(c => c.Growth).ThenBy(c => c.Category, StringComparer.Ordinal).Take(Top).ToList();

        var brokenNow = Totals(broken).Where(b => b.Value > 0).Select(b => new BrokenPipeline(MetricGroup.Label(b.Key), b.Value))
            .OrderByDescending(b => b.BrokenForMs).ThenBy(b => b.Pipeline, StringComparer.Ordinal).Take(Top).ToList();
        return new ReportChangeSummary(newJobs, grown, brokenNow);
    }

    /// <summary>The sections as lines of text: a heading, then one line per entry ("none" when a section is empty).</summary>
    public IEnumerable<(string Heading, IReadOnlyList<(string Name, string Value)> Rows)> Sections() =>
    [
        ("New failing jobs (no failures in the previous period)", NewFailingJobs.Select(j => (j.Job, FailuresText(j.Failures))).ToList()),
        ("Failure categories that grew", GrowingCategories.Select(c => (c.Category, $"{FailuresText(c.Failures)}, {c.ChangeText}")).ToList()),
        ("Default branches broken longest", BrokenPipelines.Select(b => (b.Pipeline, "broken for " + b.BrokenForText)).ToList()),
    ];

    private static string FailuresText(double count) => string.Create(CultureInfo.InvariantCulture, $"{count:0} {(count == 1 ? "failure" : "failures")}");

    private static double Failures(MetricTableRow row) => row.Values.GetValueOrDefault("failures") ?? 0;

    private static string JobName(MetricTableRow row) =>
        $"{row.Fields.GetValueOrDefault("repository")} · {row.Fields.GetValueOrDefault("pipeline")} · {row.Fields.GetValueOrDefault("job")}";

    /// <summary>Each group's value of an unbucketed series result (a group's first point).</summary>
    private static Dictionary<string, double> Totals(MetricResult result) =>
        result.Series.Where(s => s.Group is not null && s.Points is [{ Value: not null }, ..])
            .ToDictionary(s => s.Group!, s => s.Points[0].Value!.Value, StringComparer.Ordinal);
}

/// <summary>
/// Computes a digest's "what changed" with the same cached metric queries the dashboards run, over the report's range
/// and the period before it, narrowed by the schedule's filters where a metric takes them. New failing jobs are judged
/// among each period's top <see cref="MetricSpec.MaxTop"/> failing jobs.
/// </summary>
public sealed class ReportChanges(IMediator mediator)
{
    public async Task<ReportChangeSummary> ForAsync(MetricFilters filters, (DateTimeOffset From, DateTimeOffset To) range,
        (DateTimeOffset From, DateTimeOffset To) previous, CancellationToken cancellationToken)
    {
        var failing = Spec(MetricCatalog.TopFailingJobs, filters) with { Top = MetricSpec.MaxTop };
        var categories = Spec(MetricCatalog.FailureCategories, filters);
        var broken = Spec(MetricCatalog.BrokenFor, filters) with { GroupBy = EnumCode.Of(Dimension.Repository), AlsoGroupBy = [EnumCode.Of(Dimension.Pipeline)] };
        return ReportChangeSummary.From(
            await QueryAsync(failing, range, cancellationToken), await QueryAsync(failing, previous, cancellationToken),
            await QueryAsync(categories, range, cancellationToken), await QueryAsync(categories, previous, cancellationToken),
            await QueryAsync(broken, range, cancellationToken));
    }

    private static MetricSpec Spec(MetricDefinition metric, MetricFilters filters) => new(metric.Code, Filters: filters.Restricted(metric.Filters));

    private Task<MetricResult> QueryAsync(MetricSpec spec, (DateTimeOffset From, DateTimeOffset To) range, CancellationToken cancellationToken) =>
        mediator.Send(new QueryMetric(spec, range.From, range.To), cancellationToken);
}
