using Faultline.Application.Common.Interfaces;
using Faultline.Application.Runs;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Alerts;

/// <summary>Turns what happened to a rule into the message its channels send: what broke, by how much, and where to look.</summary>
public sealed class AlertNotifications(IPublicLinks links, IRunReader runs)
{
    public async Task<AlertNotification> ComposeAsync(AlertRule rule, string type, string? group, AlertState state, AlertState? previous,
        double? value, IReadOnlyList<double> trend, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        var metric = MetricCatalog.Find(rule.Query.Metric)!;
        var scope = Scope(rule.Query, group);
        var filter = new RunFilter(scope.Repository, scope.Pipeline, scope.Branch, Provider: scope.Provider, To: at);
        var latest = await runs.ListRunsAsync(filter with { Status = EnumCode.Of(PipelineStatus.Failure) }, null, 1, cancellationToken);
        var failing = latest.Count > 0 ? latest[0] : null;
        // The run is the group's own pipeline's only where the group names one: then its branch is the one that broke.
        var branch = scope.Branch ?? (scope is { Repository: not null, Pipeline: not null } ? failing?.Branch : null);
        var link = failing is not null
            ? new AlertLink("Latest failing run", links.To($"/runs/{failing.Id}"))
            : new AlertLink("Runs", links.To("/runs" + Query(filter with { To = null })));
        return new AlertNotification(Guid.CreateVersion7(), type, rule.Id, rule.Name, EnumCode.Of(rule.Severity), group, EnumCode.Of(state),
            previous is { } p ? EnumCode.Of(p) : null, value, value is { } v ? AlertText.Value(metric.Unit, v, rule.Condition.Kind) : null,
            rule.Condition.Threshold, AlertText.Condition(metric.Unit, rule.Condition), metric.Title, trend, at,
            links.To($"/alerts/rules/{rule.Id}"), detail, scope.Repository, scope.Pipeline, branch, link);
    }

    public Task<AlertNotification> OfAsync(AlertRule rule, AlertNotice notice, DateTimeOffset at, string? error, CancellationToken cancellationToken) =>
        ComposeAsync(rule, notice.Type, notice.Group, notice.State, notice.PreviousState, notice.Value, notice.Trend, at,
            notice.State == AlertState.Error ? error : null, cancellationToken);

    /// <summary>The rule's filters with the group's values on top: what the group is about.</summary>
    private static MetricFilters Scope(MetricSpec query, string? group)
    {
        var filters = (query.Filters ?? MetricFilters.None).Normalised();
        if (group is null) return filters;
        var values = query.GroupDimensions().Zip(MetricGroup.Parts(group))
            .ToDictionary(pair => EnumCode.Parse<Dimension>(pair.First), pair => pair.Second);
        string? Of(Dimension dimension) => values.TryGetValue(dimension, out var value) && value.Length > 0 ? value : filters.Of(dimension);
        return new MetricFilters(Of(Dimension.Repository), Of(Dimension.Pipeline), Of(Dimension.Job), Of(Dimension.Branch),
            Of(Dimension.Provider), Of(Dimension.Category));
    }

    private static string Query(RunFilter filter)
    {
        var pairs = new[] { ("repository", filter.Repository), ("pipeline", filter.Pipeline), ("branch", filter.Branch), ("provider", filter.Provider) }
            .Where(pair => pair.Item2 is not null).Select(pair => $"{pair.Item1}={Uri.EscapeDataString(pair.Item2!)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }
}
