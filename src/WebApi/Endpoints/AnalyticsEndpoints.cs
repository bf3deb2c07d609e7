using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Application.Common.Caching;
using Faultline.Application.Dashboards;
using Faultline.Domain.Analytics;
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

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Analytics");

        metrics.MapPost("/query", async (MetricQueryBody body, IMediator mediator, HttpContext context) =>
                WithCacheHeader(context, await mediator.Send(new QueryMetric(
                    new MetricSpec(body.Metric ?? "", body.Bucket, body.GroupBy, body.Filters, body.Top), body.From, body.To), context.RequestAborted)))
            .WithSummary("Computes one metric over a time range (see docs/analytics.md); X-Cache says whether it came from the cache.")
            .Produces<MetricResult>().ProducesValidationProblem();

        metrics.MapGet("/catalog", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetMetricCatalog(), cancellationToken))
            .WithSummary("Every metric with its unit, shape, filters and group-by dimensions.");

        var dashboards = api.MapGroup("/dashboards").WithTags("Dashboards");

        dashboards.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListDashboards(), cancellationToken))
            .WithSummary("The tenant's dashboards, the default first.");

        dashboards.MapGet("/templates", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListDashboardTemplates(), cancellationToken))
            .WithSummary("Ready-made dashboards to start from.");

        dashboards.MapPost("", async (DashboardBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateDashboard(body.Name, body.Description, body.TemplateId, body.Widgets), cancellationToken);
                return Results.Created($"/api/v1/dashboards/{created.Id}", created);
            })
            .WithSummary("Creates a dashboard: empty, with widgets, or from a template (templateId).")
            .Produces<DashboardDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        dashboards.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetDashboard(id), cancellationToken))
            .WithSummary("One dashboard with its widgets.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapPut("/{id:guid}", (Guid id, DashboardBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateDashboard(id, body.Name, body.Description, body.Widgets), cancellationToken))
            .WithSummary("Replaces a dashboard's name, description and widgets.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        dashboards.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteDashboard(id), cancellationToken);
                return Results.NoContent();
            })
            .WithSummary("Deletes a dashboard (not the default one).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        dashboards.MapGet("/{id:guid}/data", async (Guid id, [AsParameters] DashboardDataQuery query, IMediator mediator, HttpContext context) =>
                WithCacheHeader(context, await mediator.Send(new GetDashboardData(id, query.From, query.To, query.Filters()), context.RequestAborted)))
            .WithSummary("Every widget's data of a dashboard (default range: the last 7 days); the filters apply to every widget that accepts them.")
            .Produces<DashboardData>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Process-wide query cache counters in the Prometheus text format, for scraping.</summary>
    public static void MapQueryCacheMetrics(this IEndpointRouteBuilder app) =>
        app.MapGet("/health/metrics", (QueryCacheStatistics statistics) => Results.Text(string.Create(CultureInfo.InvariantCulture, $"""
                # HELP faultline_query_cache_hits_total Cached query lookups answered from the cache.
                # TYPE faultline_query_cache_hits_total counter
                faultline_query_cache_hits_total {statistics.Hits}
                # HELP faultline_query_cache_misses_total Cached query lookups not in the cache.
                # TYPE faultline_query_cache_misses_total counter
                faultline_query_cache_misses_total {statistics.Misses}
                # HELP faultline_query_computations_total Query computations run (below misses when single-flight shared one).
                # TYPE faultline_query_computations_total counter
                faultline_query_computations_total {statistics.Computations}
                # HELP faultline_query_cache_hit_ratio Hits / (hits + misses) since the process started.
                # TYPE faultline_query_cache_hit_ratio gauge
                faultline_query_cache_hit_ratio {statistics.HitRatio:0.####}

                """), "text/plain; version=0.0.4"))
            .WithTags("Health").WithSummary("Query cache hit ratio and counters (Prometheus text format).").AllowAnonymous();

    private static T WithCacheHeader<T>(HttpContext context, T result)
    {
        if (context.RequestServices.GetRequiredService<QueryCacheOutcome>().Summary is { } summary) context.Response.Headers["X-Cache"] = summary;
        return result;
    }
}
