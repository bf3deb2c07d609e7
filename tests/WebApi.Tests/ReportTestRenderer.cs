using System.IO.Compression;
using System.Text;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Dashboards;
using Faultline.Application.Reports;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(Faultline.WebApi.Tests.ReportTestRenderer.Startup))]

namespace Faultline.WebApi.Tests;

/// <summary>
/// A stand-in for the native report renderer (built on its own branch) for the schedule tests: it reads the same
/// dashboard data and reports each widget as the port describes (failed with the widget's error, empty without data),
/// as a tiny PDF naming the dashboard, range and time zone. Tests load it with --hostingStartupAssemblies, which
/// registers it before the app's own services: once the app wires the real renderer, that one takes its place.
/// </summary>
internal sealed class ReportTestRenderer(IDashboardRepository dashboards, IMediator mediator) : IDashboardReportRenderer
{
    public const string Setting = "--hostingStartupAssemblies=Faultline.WebApi.Tests";

    public sealed class Startup : IHostingStartup
    {
        public void Configure(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddScoped<IDashboardReportRenderer, ReportTestRenderer>());
    }

    public async Task<RenderedReport> RenderAsync(DashboardReportRequest request, CancellationToken cancellationToken)
    {
        var dashboard = await dashboards.FindAsync(request.DashboardId, cancellationToken) ?? throw new NotFoundException("No such dashboard.");
        var data = await mediator.Send(new GetDashboardData(request.DashboardId, request.From, request.To, request.Filters), cancellationToken);
        var widgets = dashboard.Widgets.Zip(data.Widgets, (widget, result) => result switch
        {
            { Error: { } error } => new WidgetOutcome(widget.Title, WidgetOutcomeStatus.Failed, error.Detail),
            { Result: { } metric } when metric.Series.Any(s => s.Points.Any(p => p.Value is > 0)) || metric.Table.Count > 0 =>
                new WidgetOutcome(widget.Title, WidgetOutcomeStatus.Ok, null),
            _ => new WidgetOutcome(widget.Title, WidgetOutcomeStatus.Empty, "No data in this range."),
        }).ToList();
        var text = $"{dashboard.Name} | {request.From:O} - {request.To:O} | {request.TimeZone}";
        if (request.Format == ReportFormat.Pdf)
            return new RenderedReport(Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n"), "application/pdf", "report.pdf", 1, widgets);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = new StreamWriter(archive.CreateEntry("widgets.csv").Open());
            await entry.WriteAsync($"title,status\n{string.Join('\n', widgets.Select(w => $"{w.Title},{w.Status}"))}\n");
        }

        return new RenderedReport(zip.ToArray(), "application/zip", "report-csv.zip", 0, widgets);
    }
}
