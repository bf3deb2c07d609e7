using Faultline.Application.Analytics;
using Faultline.Application.Common.Caching;
using Faultline.Application.Dashboards;
using Faultline.Application.Reports;
using Faultline.Domain.Analytics;
using Faultline.WebApi.Hosting;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class AnalyticsEndpoints
{
    public sealed record MetricQueryBody(
        string? Metric, DateTimeOffset? From, DateTimeOffset? To, string? Bucket, string? GroupBy, MetricFilters? Filters, int? Top);

    public sealed record DashboardBody(string? Name, string? Description, string? TemplateId, IReadOnlyList<Widget>? Widgets);

    /// <summary>The dashboard data query string: range and the filters added to every widget.</summary>
    public sealed record DashboardDataQuery(
        DateTimeOffset? From, DateTimeOffset? To, string? Repository, string? Pipeline, string? Job, string? Branch, string? Provider, string? Category)
    {
        public MetricFilters Filters() => new(Repository, Pipeline, Job, Branch, Provider, Category);
    }

    /// <summary>The export query string: the dashboard data's, plus the time zone times are printed in and, for a PDF, the paper.</summary>
    public sealed record DashboardExportQuery(
        DateTimeOffset? From, DateTimeOffset? To, string? Repository, string? Pipeline, string? Job, string? Branch, string? Provider, string? Category,
        string? Tz, string? Paper, string? Orientation)
    {
        public ExportDashboard Request(Guid id, ReportFormat format) => new(
            id, From, To, new MetricFilters(Repository, Pipeline, Job, Branch, Provider, Category), Tz, Paper, Orientation, format);
    }

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Analytics");

        metrics.MapPost("/query", async (MetricQueryBody body, IMediator mediator, HttpContext context) =>
                WithCacheHeader(context, await mediator.Send(new QueryMetric(
                    new MetricSpec(body.Metric ?? "", body.Bucket, body.GroupBy, body.Filters, body.Top), body.From, body.To), context.RequestAborted)))
            .WithName("queryMetric")
            .WithSummary("Computes one metric over a time range (see docs/analytics.md); X-Cache says whether it came from the cache.")
            .WithRequestExample("""
                {"metric": "failure_rate", "from": "2026-01-01T00:00:00Z", "to": "2026-01-08T00:00:00Z", "bucket": "day",
                 "groupBy": "repository", "filters": {"branch": "main"}, "top": 5}
                """)
            .Produces<MetricResult>().ProducesValidationProblem();

        metrics.MapGet("/catalog", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetMetricCatalog(), cancellationToken))
            .WithName("getMetricCatalog")
            .WithSummary("Every metric with its unit, shape, filters and group-by dimensions.");

        var dashboards = api.MapGroup("/dashboards").WithTags("Dashboards");

        dashboards.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListDashboards(), cancellationToken))
            .WithName("listDashboards")
            .WithSummary("The tenant's dashboards, the default first.");

        dashboards.MapGet("/templates", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListDashboardTemplates(), cancellationToken))
            .WithName("listDashboardTemplates")
            .WithSummary("Ready-made dashboards to start from.");

        dashboards.MapPost("", async (DashboardBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateDashboard(body.Name, body.Description, body.TemplateId, body.Widgets), cancellationToken);
                return Results.Created($"/api/v1/dashboards/{created.Id}", created);
            })
            .WithName("createDashboard")
            .WithSummary("Creates a dashboard: empty, with widgets, or from a template (templateId).")
            .Produces<DashboardDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        dashboards.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetDashboard(id), cancellationToken))
            .WithName("getDashboard")
            .WithSummary("One dashboard with its widgets.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapPut("/{id:guid}", (Guid id, DashboardBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateDashboard(id, body.Name, body.Description, body.Widgets), cancellationToken))
            .WithName("updateDashboard")
            .WithSummary("Replaces a dashboard's name, description and widgets.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteDashboard(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteDashboard")
            .WithSummary("Deletes a dashboard (not the default one).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        dashboards.MapGet("/{id:guid}/data", async (Guid id, [AsParameters] DashboardDataQuery query, IMediator mediator, HttpContext context) =>
                WithCacheHeader(context, await mediator.Send(new GetDashboardData(id, query.From, query.To, query.Filters()), context.RequestAborted)))
            .WithName("getDashboardData")
            .WithSummary("Every widget's data of a dashboard (default range: the last 7 days); the filters apply to every widget that accepts them.")
            .Produces<DashboardData>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapGet("/{id:guid}/export.pdf", (Guid id, [AsParameters] DashboardExportQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                ExportAsync(mediator, query.Request(id, ReportFormat.Pdf), cancellationToken))
            .WithName("exportDashboardPdf")
            .WithSummary("The dashboard as a PDF for a range and filters (as the data endpoint takes them): tz (IANA, default the organisation's zone) for the times "
                + "printed, paper a4|letter (default a4), orientation portrait|landscape (default landscape).")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapGet("/{id:guid}/export.csv", (Guid id, [AsParameters] DashboardExportQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                ExportAsync(mediator, query.Request(id, ReportFormat.CsvZip), cancellationToken))
            .WithName("exportDashboardCsv")
            .WithSummary("The dashboard's data as a zip of CSV files, one per widget plus widgets.csv listing them (see docs/reports.md); "
                + "range, filters and tz as for the PDF.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync(IMediator mediator, ExportDashboard request, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(request, cancellationToken);
        return Results.File(report.Content, report.ContentType, report.FileName);
    }

    private static T WithCacheHeader<T>(HttpContext context, T result)
    {
        if (context.RequestServices.GetRequiredService<QueryCacheOutcome>().Summary is { } summary) context.Response.Headers["X-Cache"] = summary;
        return result;
    }
}
