using Faultline.Domain.Analytics;

namespace Faultline.Application.Dashboards;

public sealed record DashboardDto(
    Guid Id, string Name, string? Description, bool IsDefault, IReadOnlyList<Widget> Widgets, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static DashboardDto From(Dashboard d) => new(d.Id, d.Name, d.Description, d.IsDefault, d.Widgets, d.CreatedAt, d.UpdatedAt);
}

public sealed record DashboardSummary(Guid Id, string Name, string? Description, bool IsDefault, int WidgetCount, DateTimeOffset UpdatedAt);
