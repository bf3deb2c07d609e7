using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Dashboards;

/// <summary>Replaces a dashboard's name, description and widgets (the SPA's edit mode saves the whole layout).</summary>
[RequiresPermission(PermissionName.DashboardsEdit)]
public sealed record UpdateDashboard(Guid Id, string? Name, string? Description, IReadOnlyList<Widget>? Widgets) : IRequest<DashboardDto>;

public sealed class UpdateDashboardValidator : AbstractValidator<UpdateDashboard>
{
    public UpdateDashboardValidator()
    {
        DashboardRules.Apply(this, r => r.Name, r => r.Description, r => r.Widgets);
        RuleFor(r => r.Widgets).NotNull();
    }
}

public sealed class UpdateDashboardHandler(IDashboardRepository dashboards, TimeProvider clock) : IRequestHandler<UpdateDashboard, DashboardDto>
{
    public async Task<DashboardDto> Handle(UpdateDashboard request, CancellationToken cancellationToken)
    {
        var dashboard = await dashboards.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dashboard.");
        dashboard.Change(request.Name!.Trim(), request.Description?.Trim(), request.Widgets!, clock.GetUtcNow());
        await dashboards.UpdateAsync(dashboard, cancellationToken);
        return DashboardDto.From(dashboard);
    }
}
