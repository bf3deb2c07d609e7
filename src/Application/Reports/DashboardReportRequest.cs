using Faultline.Domain.Analytics;
using Faultline.Domain.Reports;

namespace Faultline.Application.Reports;

public enum ReportFormat
{
    Pdf,
    CsvZip,
}

/// <summary>
/// One dashboard of the current principal's tenant over [From, To), narrowed by the dashboard filters (as the dashboard
/// data API takes them); times are printed in <paramref name="TimeZone"/> (an IANA id such as "Europe/Berlin").
/// Links in the report point at the configured public base URL. <paramref name="Changes"/> (a digest's "what changed")
/// is drawn after the widgets in a PDF.
/// </summary>
public sealed record DashboardReportRequest(
    Guid DashboardId, DateTimeOffset From, DateTimeOffset To, MetricFilters Filters, string TimeZone, PaperSize Paper,
    PageOrientation Orientation, ReportFormat Format, ReportChangeSummary? Changes = null);
