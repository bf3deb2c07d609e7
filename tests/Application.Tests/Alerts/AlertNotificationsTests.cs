using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Runs;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Tests.Alerts;

public sealed class AlertNotificationsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static AlertRule Rule(MetricSpec query) => new(Guid.NewGuid(), "Default branch broken", null, true, query,
        new AlertCondition(ConditionKind.Above, 1_800_000), 60, 0, AlertSeverity.Critical, NoDataHandling.Ok, ErrorHandling.Error, null, [], null, At, At);

    private static AlertNotice Notice(string? group, AlertState state, AlertState previous) => new(group, state, previous, false, 293_760_000, [1, 2]);

    [Fact]
    public async Task Groups_that_change_alike_in_one_evaluation_make_one_message_each_naming_what_broke()
    {
        var runs = new FailingRuns(new Dictionary<string, long> { ["acme/api"] = 41 });
        var notifications = new AlertNotifications(new Links(), runs);
        var rule = Rule(new MetricSpec("broken_for", GroupBy: "repository", AlsoGroupBy: ["pipeline"]));

        var messages = await notifications.OfAsync(rule, [Notice("acme/web\u001fCI", AlertState.Firing, AlertState.Ok),
            Notice("acme/api\u001fCI", AlertState.Firing, AlertState.Ok), Notice("acme/old\u001fNightly", AlertState.Resolved, AlertState.Firing)],
            At, null, CancellationToken.None);

        Assert.Equal(["alert.firing", "alert.resolved"], messages.Select(m => m.Type));
        var firing = messages[0].Groups;
        Assert.Equal(["acme/api", "acme/web"], firing.Select(g => g.Repository));
        Assert.All(firing, g => Assert.Equal(("CI", "3d 9h"), (g.Pipeline, g.ValueText)));
        Assert.Equal(new AlertLink("Latest failing run", "https://faultline.test/runs/41"), firing[0].Runs);
        Assert.Equal("main", firing[0].Branch);
        Assert.Equal(new AlertLink("Runs", "https://faultline.test/runs?repository=acme%2Fweb&pipeline=CI"), firing[1].Runs);
        Assert.Null(firing[1].Branch);
        Assert.Equal(("acme/old", "Nightly"), (messages[1].Groups.Single().Repository, messages[1].Groups.Single().Pipeline));
        Assert.Contains(runs.Filters, f => f is { Repository: "acme/api", Pipeline: "CI", Status: "failure", To: var to } && to == At);
    }

    [Fact]
    public async Task A_rule_filtered_to_a_branch_names_it_and_an_ungrouped_one_names_only_its_filters()
    {
        var notifications = new AlertNotifications(new Links(), new FailingRuns([]));
        var rule = Rule(new MetricSpec("failure_rate", Filters: new MetricFilters(Branch: " main ")));

        var message = (await notifications.OfAsync(rule, [Notice(null, AlertState.Firing, AlertState.Pending)], At, null, CancellationToken.None)).Single();

        var group = message.Groups.Single();
        Assert.Equal((null, null, "main"), (group.Repository, group.Pipeline, group.Branch));
        Assert.Equal("https://faultline.test/runs?branch=main", group.Runs!.Url);
    }

    private sealed class Links : IPublicLinks
    {
        public string To(string pathAndQuery) => "https://faultline.test" + pathAndQuery;
    }

    /// <summary>The latest failing run of each repository named; records what was asked.</summary>
    private sealed class FailingRuns(Dictionary<string, long> latest) : IRunReader
    {
        public List<RunFilter> Filters { get; } = [];

        public Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit,
            CancellationToken cancellationToken)
        {
            Filters.Add(filter);
            IReadOnlyList<RunSummary> found = filter.Repository is { } repository && latest.TryGetValue(repository, out var id)
                ? [new RunSummary(id, "api", "r", 1, repository, filter.Pipeline ?? "CI", "main", null, null, null, "failure", null, null, null, null, At)]
                : [];
            return Task.FromResult(found);
        }

        public Task<IReadOnlyList<JobSummary>> ListJobsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RunDetail?> GetRunAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobDetail?> GetJobAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredLog?> GetLogAsync(long jobId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
