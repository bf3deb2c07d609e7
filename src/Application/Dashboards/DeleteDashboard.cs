using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using MediatR;

namespace Faultline.Application.Dashboards;

/// <summary>Deletes a dashboard; the default dashboard stays (every tenant lands on it).</summary>
[RequiresPermission(PermissionName.DashboardsEdit)]
public sealed record DeleteDashboard(Guid Id) : IRequest<Unit>;

public sealed class DeleteDashboardHandler(IDashboardRepository dashboards) : IRequestHandler<DeleteDashboard, Unit>
{
    public async Task<Unit> Handle(DeleteDashboard request, CancellationToken cancellationToken)
    {
        var dashboard = await dashboards.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dashboard.");
        if (dashboard.IsDefault) throw new DomainRuleException("The default dashboard cannot be deleted; change its widgets instead.");
        await dashboards.DeleteAsync(dashboard.Id, cancellationToken);
        return Unit.Value;
    }
}
