using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Dashboards;

[RequiresPermission(PermissionName.DataRead)]
public sealed record GetDashboard(Guid Id) : IRequest<DashboardDto>;

public sealed class GetDashboardHandler(IDashboardRepository dashboards) : IRequestHandler<GetDashboard, DashboardDto>
{
    public async Task<DashboardDto> Handle(GetDashboard request, CancellationToken cancellationToken) =>
        DashboardDto.From(await dashboards.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dashboard."));
}
