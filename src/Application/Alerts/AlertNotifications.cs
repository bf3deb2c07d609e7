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
    /// <summary>One message per kind of change (firing, resolved, still firing…): the groups that changed alike, together.</summary>
    public async Task<IReadOnlyList<AlertNotification>> OfAsync(AlertRule rule, IReadOnlyList<AlertNotice> notices, DateTimeOffset at, string? error,
        CancellationToken cancellationToken)
    {
        var messages = new List<AlertNotification>();
        foreach (var alike in notices.GroupBy(n => n.Type))
        {
            var state = alike.First().State;
            var groups = new List<AlertGroupNotification>();
            foreach (var notice in alike.OrderBy(n => n.Group, StringComparer.Ordinal))
                groups.Add(await GroupAsync(rule, notice.Group, notice.PreviousState, notice.Value, notice.Trend, at, cancellationToken));
            messages.Add(Message(rule, alike.Key, state, at, state == AlertState.Error ? error : null, groups));
        }

        return messages;
    }

    /// <summary>A message about one group (a rule's test).</summary>
    public async Task<AlertNotification> ComposeAsync(AlertRule rule, string type, AlertGroupState? group, DateTimeOffset at, string? detail,
        CancellationToken cancellationToken) =>
        Message(rule, type, group?.State ?? AlertState.Ok, at, detail,
            [await GroupAsync(rule, group?.Group, null, group?.Value, group?.RecentValues ?? [], at, cancellationToken)]);

    private AlertNotification Message(AlertRule rule, string type, AlertState state, DateTimeOffset at, string? detail,
        IReadOnlyList<AlertGroupNotification> groups)
    {
        var metric = MetricCatalog.Find(rule.Query.Metric)!;
        return new AlertNotification(Guid.CreateVersion7(), type, rule.Id, rule.Name, EnumCode.Of(rule.Severity), EnumCode.Of(state),
            rule.Condition.Threshold, AlertText.Condition(metric.Unit, rule.Condition), metric.Title, at, links.To($"/alerts/rules/{rule.Id}"),
            detail, groups);
    }

    private async Task<AlertGroupNotification> GroupAsync(AlertRule rule, string? group, AlertState? previous, double? value,
        IReadOnlyList<double> trend, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var unit = MetricCatalog.Find(rule.Query.Metric)!.Unit;
        var scope = Scope(rule.Query, group);
        var filter = new RunFilter(scope.Repository, scope.Pipeline, scope.Branch, Provider: scope.Provider, To: at);
        var latest = await runs.ListRunsAsync(filter with { Status = EnumCode.Of(PipelineStatus.Failure) }, null, 1, cancellationToken);
        var failing = latest.Count > 0 ? latest[0] : null;
        // The run is the group's own pipeline's only where the group names one: then its branch is the one that broke.
        var branch = scope.Branch ?? (scope is { Repository: not null, Pipeline: not null } ? failing?.Branch : null);
        var link = failing is not null
            ? new AlertLink("Latest failing run", links.To($"/runs/{failing.Id}"))
            : new AlertLink("Runs", links.To("/runs" + Query(filter with { To = null })));
        return new AlertGroupNotification(group, previous is { } p ? EnumCode.Of(p) : null, value,
            value is { } v ? AlertText.Value(unit, v, rule.Condition.Kind) : null, trend, scope.Repository, scope.Pipeline, branch, link);
    }

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
