using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Dashboards;

/// <summary>The tenant's dashboards, the default first. A tenant without one gets the default dashboard here.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListDashboards : IRequest<IReadOnlyList<DashboardSummary>>;

public sealed class ListDashboardsHandler(IDashboardRepository dashboards, TimeProvider clock) : IRequestHandler<ListDashboards, IReadOnlyList<DashboardSummary>>
{
    public async Task<IReadOnlyList<DashboardSummary>> Handle(ListDashboards request, CancellationToken cancellationToken)
    {
        var all = await dashboards.ListAsync(cancellationToken);
        if (!all.Any(d => d.IsDefault))
        {
            var template = DashboardTemplates.Reliability;
            await dashboards.AddDefaultIfMissingAsync(
                new Dashboard(Guid.CreateVersion7(), template.Name, template.Description, isDefault: true, template.Widgets, clock.GetUtcNow()), cancellationToken);
            all = await dashboards.ListAsync(cancellationToken);
        }

        return all.OrderByDescending(d => d.IsDefault).ThenBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .Select(d => new DashboardSummary(d.Id, d.Name, d.Description, d.IsDefault, d.Widgets.Count, d.UpdatedAt)).ToList();
    }
}
