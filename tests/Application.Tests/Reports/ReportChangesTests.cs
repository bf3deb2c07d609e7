using Faultline.Application.Analytics;
using Faultline.Application.Reports;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Tests.Reports;

public class ReportChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static MetricResult Table(params (string Job, double Failures)[] jobs) => new("top_failing_jobs", "count", "table", At, At, null, null, [],
        [.. jobs.Select(j => new MetricTableRow(new Dictionary<string, string?> { ["repository"] = "acme/api", ["pipeline"] = "CI", ["job"] = j.Job },
            new Dictionary<string, double?> { ["failures"] = j.Failures, ["jobs"] = j.Failures * 2, ["failure_rate"] = 0.5 }))]);

    private static MetricResult Series(params (string Group, double? Value)[] groups) => new("failure_categories", "count", "series", At, At, null, "category",
        [.. groups.Select(g => new MetricSeries(g.Group, [new MetricPoint(null, g.Value)]))], []);

    [Fact]
    public void New_failing_jobs_are_those_without_failures_before_biggest_first()
    {
        var changes = ReportChangeSummary.From(
            Table(("build", 9), ("lint", 2), ("test", 5), ("docs", 0)), Table(("build", 1), ("lint", 0)),
            Series(), Series(), Series());
        Assert.Equal([new NewFailingJob("acme/api · CI · test", 5), new NewFailingJob("acme/api · CI · lint", 2)], changes.NewFailingJobs);
    }

    [Fact]
    public void Categories_that_grew_most_come_first_with_their_change_and_shrinking_ones_are_left_out()
    {
        var changes = ReportChangeSummary.From(Table(), Table(),
            Series(("infrastructure", 30), ("test", 12), ("dependency", 4), ("unclassified", null)),
            Series(("infrastructure", 10), ("test", 20)), Series());
        Assert.Equal(["infrastructure", "dependency"], changes.GrowingCategories.Select(c => c.Category));
        Assert.Equal("+20 (+200%)", changes.GrowingCategories[0].ChangeText);
        Assert.Equal("+4 (new)", changes.GrowingCategories[1].ChangeText);
    }

    [Fact]
    public void Only_pipelines_still_failing_count_as_broken_longest_first_and_at_most_five()
    {
        var broken = Series([.. Enumerable.Range(1, 7).Select(i => ($"acme/r{i}{MetricGroup.Separator}CI", (double?)(i * 3_600_000))), ("acme/ok\u001fCI", 0)]);
        var changes = ReportChangeSummary.From(Table(), Table(), Series(), Series(), broken);
        Assert.Equal(ReportChangeSummary.Top, changes.BrokenPipelines.Count);
        Assert.Equal("acme/r7 · CI", changes.BrokenPipelines[0].Pipeline);
        Assert.Equal(7 * 3_600_000, changes.BrokenPipelines[0].BrokenForMs);
        Assert.DoesNotContain(changes.BrokenPipelines, b => b.Pipeline.StartsWith("acme/ok", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_section_says_none_in_the_email()
    {
        var changes = ReportChangeSummary.From(Table(("test", 3)), Table(), Series(), Series(), Series());
        var sections = changes.Sections().ToList();
        Assert.Equal(("acme/api · CI · test", "3 failures"), sections[0].Rows.Single());
        Assert.Equal("1 failure", ReportChangeSummary.From(Table(("lint", 1)), Table(), Series(), Series(), Series()).Sections().First().Rows[0].Value);
        Assert.Empty(sections[1].Rows);
    }
}
