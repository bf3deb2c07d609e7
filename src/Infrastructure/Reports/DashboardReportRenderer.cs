using Faultline.Application.Common;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Dashboards;
using Faultline.Application.Reports;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// Reports drawn in process, without a browser: the widgets' data comes from <see cref="GetDashboardData"/> (the dashboard
/// API's query, its permission check and its cache), and is drawn as vector PDF (PDFsharp) or written as CSV files.
/// </summary>
internal sealed class DashboardReportRenderer(
    IMediator sender, IDashboardRepository dashboards, ITenantCatalog tenants, ICurrentPrincipal principal, IPublicLinks links, TimeProvider clock)
    : IDashboardReportRenderer
{
    public async Task<RenderedReport> RenderAsync(DashboardReportRequest request, CancellationToken cancellationToken)
    {
        var zone = IanaTimeZone.Find(request.TimeZone)
            ?? throw RequestValidationException.For("tz", "Not a known IANA time zone (such as 'Europe/Berlin' or 'UTC').");
        var data = await sender.Send(new GetDashboardData(request.DashboardId, request.From, request.To, request.Filters), cancellationToken);
        var dashboard = await dashboards.FindAsync(request.DashboardId, cancellationToken) ?? throw new NotFoundException("No such dashboard.");
        var tenant = await tenants.FindAsync(principal.RequireTenant(), cancellationToken) ?? throw new NotFoundException("No such tenant.");

        var results = data.Widgets.ToDictionary(w => w.WidgetId);
        var widgets = dashboard.Widgets.Select(widget =>
        {
            var entry = results.GetValueOrDefault(widget.Id);
            return new ReportWidget(widget, EnumCode.Parse<ChartType>(widget.Chart), WidgetFigures.Outcome(widget.Title, widget.Chart, entry), entry?.Result);
        }).ToList();
        var content = new ReportContent(dashboard.Name, tenant.Name, data.From, data.To, zone, request.TimeZone, request.Filters, clock.GetUtcNow(), widgets,
            new ReportLinks(links, request with { From = data.From, To = data.To }, zone), request.Changes);

        var name = $"{CsvReportWriter.Slug(dashboard.Name)}-{TimeZoneInfo.ConvertTime(data.From, zone):yyyy-MM-dd}";
        var outcomes = widgets.Select(w => w.Outcome).ToList();
        if (request.Format == ReportFormat.CsvZip) return new RenderedReport(CsvReportWriter.Write(content), "application/zip", name + ".zip", 0, outcomes);
        var (pdf, pages) = PdfReportWriter.Write(content, request.Paper, request.Orientation);
        return new RenderedReport(pdf, "application/pdf", name + ".pdf", pages, outcomes);
    }
}
