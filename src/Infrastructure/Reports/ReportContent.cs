using Faultline.Application.Analytics;
using Faultline.Application.Reports;
using Faultline.Domain.Analytics;

namespace Faultline.Infrastructure.Reports;

/// <summary>One widget of a report: how it is drawn, how it came out, and its data when it has any.</summary>
internal sealed record ReportWidget(Widget Widget, ChartType Chart, WidgetOutcome Outcome, MetricResult? Result);

/// <summary>
/// Everything a report prints: the dashboard, whose it is, the range it covers (in <see cref="Zone"/>), its widgets in
/// reading order, and a digest's "what changed" when it has one.
/// </summary>
internal sealed record ReportContent(
    string DashboardName, string TenantName, DateTimeOffset From, DateTimeOffset To, TimeZoneInfo Zone, string ZoneId,
    MetricFilters Filters, DateTimeOffset GeneratedAt, IReadOnlyList<ReportWidget> Widgets, ReportLinks Links, ReportChangeSummary? Changes);
