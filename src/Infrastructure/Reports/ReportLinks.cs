using System.Globalization;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Reports;
using Faultline.Domain;
using Faultline.Domain.Analytics;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// Where a report's links lead: the live dashboard with the report's days and filters, and the runs explorer showing what a
/// widget, a table row or a chart's group counted, built as the SPA's drillDown.ts builds them (its tests pin the rules).
/// </summary>
internal sealed class ReportLinks(IPublicLinks links, DashboardReportRequest request, TimeZoneInfo zone)
{
    // Metrics counted over jobs open the jobs view; the others are about pipeline runs.
    private static readonly HashSet<string> JobMetrics =
    [
        "jobs", "failures", "failure_rate", "success_rate", "duration_p50", "duration_p95", "queue_time", "failure_cost",
        "failure_categories", "top_failing_jobs", "flaky_jobs",
    ];

    private static readonly HashSet<string> FailureMetrics = ["failures", "failure_rate", "failure_cost", "failure_categories", "top_failing_jobs", "mttr", "incidents"];

    // Metrics that count failed jobs one by one by their category (the server applies a category filter to these only).
    private static readonly HashSet<string> CategoryMetrics = ["failures", "failure_cost", "failure_categories"];

    private static readonly Dimension[] ExplorerFilters = [Dimension.Repository, Dimension.Pipeline, Dimension.Branch, Dimension.Job, Dimension.Provider];

    /// <summary>The dashboard as the SPA addresses a custom range: whole days in the report's zone, the last one included.</summary>
    public string Dashboard()
    {
        var query = new List<(string, string)>
        {
            ("from", Day(request.From)), ("to", Day(request.To.AddTicks(-1))),
        };
        foreach (var dimension in ExplorerFilters)
            if (request.Filters.Normalised().Of(dimension) is { } value) query.Add((EnumCode.Of(dimension), value));
        return links.To($"/dashboards/{request.DashboardId}?{QueryString(query)}");
    }

    /// <summary>The runs a widget counted over the report's range; a chart's group or a table's row narrows it further.</summary>
    public string DrillDown(Widget widget, string? group = null, IReadOnlyDictionary<string, string?>? row = null)
    {
        var metric = widget.Query.Metric;
        var accepts = MetricCatalog.Find(metric)?.Filters;
        var dashboardFilters = request.Filters.Normalised();
        var filters = new Dictionary<string, string>();
        foreach (var dimension in ExplorerFilters)
        {
            // As the server computed it: a dashboard filter the metric accepts wins over the widget's own.
            var value = (accepts is null || accepts.Contains(dimension) ? dashboardFilters.Of(dimension) : null) ?? widget.Query.Filters?.Of(dimension);
            if (!string.IsNullOrWhiteSpace(value)) filters[EnumCode.Of(dimension)] = value;
        }

        var byCategory = CategoryMetrics.Contains(metric);
        if (byCategory && widget.Query.Filters?.Category is { } category) filters["category"] = category;
        var (from, to) = (request.From, request.To);
        var dimensionName = widget.Query.GroupBy ?? (metric == "failure_categories" ? "category" : null);
        if (group is not null && dimensionName is not null && (dimensionName != "category" || byCategory) && widget.Query.AlsoGroupBy is not { Count: > 0 })
            filters[dimensionName] = group;
        if (row is not null)
        {
            foreach (var dimension in ExplorerFilters)
                if (row.GetValueOrDefault(EnumCode.Of(dimension)) is { Length: > 0 } value) filters[EnumCode.Of(dimension)] = value;
            // An incident is its own span; resolved_at is null while it lasts.
            if (metric == "incidents" && Time(row.GetValueOrDefault("started_at")) is { } started)
                (from, to) = (started, Time(row.GetValueOrDefault("resolved_at")) ?? to);
        }

        var query = new List<(string, string)>();
        if (JobMetrics.Contains(metric) || filters.ContainsKey("job") || filters.ContainsKey("category")) query.Add(("view", "jobs"));
        query.AddRange(filters.Select(f => (f.Key, f.Value)));
        query.Add(("finishedFrom", WidgetTable.ApiTime(from.ToUniversalTime())));
        query.Add(("finishedTo", WidgetTable.ApiTime(to.ToUniversalTime())));
        // A category means failed jobs already, timed out ones included, as the category metric counts them.
        if (FailureMetrics.Contains(metric) && !filters.ContainsKey("category")) query.Add(("status", "failure"));
        return links.To($"/runs?{QueryString(query)}");
    }

    private string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string QueryString(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
}
