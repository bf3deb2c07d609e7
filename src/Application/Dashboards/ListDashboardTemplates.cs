using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Dashboards;

[RequiresPermission(PermissionName.DataRead)]
public sealed record ListDashboardTemplates : IRequest<IReadOnlyList<DashboardTemplate>>;

public sealed class ListDashboardTemplatesHandler : IRequestHandler<ListDashboardTemplates, IReadOnlyList<DashboardTemplate>>
{
    public Task<IReadOnlyList<DashboardTemplate>> Handle(ListDashboardTemplates request, CancellationToken cancellationToken) =>
        Task.FromResult(DashboardTemplates.All);
}
