using Faultline.Application.Analytics;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Dashboards;

/// <summary>
/// Every widget's data of one dashboard in one response, computed in parallel, each widget through
/// the cached metric query. The dashboard's filters narrow every widget they apply to.
/// </summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record GetDashboardData(Guid Id, DateTimeOffset? From, DateTimeOffset? To, MetricFilters Filters) : IRequest<DashboardData>
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);
}

public sealed record WidgetError(string Title, string Detail);

public sealed record WidgetData(string WidgetId, MetricResult? Result, WidgetError? Error);

public sealed record DashboardData(Guid DashboardId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<WidgetData> Widgets);

public sealed class GetDashboardDataValidator : AbstractValidator<GetDashboardData>
{
    public GetDashboardDataValidator(TimeProvider clock)
    {
        TimeRangeRules.Apply(this, r => r.From ?? (r.To ?? clock.GetUtcNow()) - GetDashboardData.DefaultRange, r => r.To ?? clock.GetUtcNow(), _ => null);
        RuleFor(r => r.Filters).NotNull().SetValidator(new MetricFiltersValidator());
    }
}

public sealed class GetDashboardDataHandler(IDashboardRepository dashboards, IMediator sender, TimeProvider clock)
    : IRequestHandler<GetDashboardData, DashboardData>
{
    public async Task<DashboardData> Handle(GetDashboardData request, CancellationToken cancellationToken)
    {
        var dashboard = await dashboards.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dashboard.");
        var to = request.To ?? clock.GetUtcNow();
        var from = request.From ?? to - GetDashboardData.DefaultRange;
        var widgets = await Task.WhenAll(dashboard.Widgets.Select(widget => ComputeAsync(widget, from, to, request.Filters, cancellationToken)));
        return new DashboardData(dashboard.Id, MetricQuery.FloorHour(from), MetricQuery.CeilingHour(to), widgets);
    }

    private async Task<WidgetData> ComputeAsync(Widget widget, DateTimeOffset from, DateTimeOffset to, MetricFilters filters, CancellationToken cancellationToken)
    {
        try
        {
            var result = await sender.Send(new QueryMetric(ForRange(widget.Query, filters, to - from), from, to), cancellationToken);
            return new WidgetData(widget.Id, result, null);
        }
        catch (RequestValidationException exception)
        {
            return new WidgetData(widget.Id, null, new WidgetError("This widget's query is not valid",
                string.Join(" ", exception.Errors.SelectMany(e => e.Value))));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Already logged by the pipeline; the other widgets still show.
            return new WidgetData(widget.Id, null, new WidgetError("This widget could not be computed", "The error was logged; try again later."));
        }
    }

    /// <summary>
    /// The widget's query with the dashboard filters its metric accepts, and hourly buckets made
    /// daily when the range is too long for them.
    /// </summary>
    private static MetricSpec ForRange(MetricSpec query, MetricFilters dashboardFilters, TimeSpan range)
    {
        var applicable = MetricCatalog.Find(query.Metric) is { } metric ? dashboardFilters.Normalised().Restricted(metric.Filters) : MetricFilters.None;
        var bucket = query.Bucket == "hour" && range > MetricQuery.MaxHourlyRange ? "day" : query.Bucket;
        return query with { Bucket = bucket, Filters = (query.Filters ?? MetricFilters.None).With(applicable) };
    }
}
