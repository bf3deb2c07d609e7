using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Dashboards;

/// <summary>A new dashboard: empty, with the given widgets, or a copy of a template.</summary>
[RequiresPermission(PermissionName.DashboardsEdit)]
public sealed record CreateDashboard(string? Name, string? Description, string? TemplateId, IReadOnlyList<Widget>? Widgets) : IRequest<DashboardDto>;

public sealed class CreateDashboardValidator : AbstractValidator<CreateDashboard>
{
    public CreateDashboardValidator()
    {
        DashboardRules.Apply(this, r => r.Name ?? DashboardTemplates.Find(r.TemplateId)?.Name, r => r.Description, r => r.Widgets);
        RuleFor(r => r.TemplateId).Must(id => id is null || DashboardTemplates.Find(id) is not null)
            .WithMessage($"Template must be one of {string.Join(", ", DashboardTemplates.All.Select(t => t.Id))}.");
        RuleFor(r => r.Widgets).Null().When(r => r.TemplateId is not null).WithMessage("Give a template or widgets, not both.");
    }
}

public sealed class CreateDashboardHandler(IDashboardRepository dashboards, TimeProvider clock) : IRequestHandler<CreateDashboard, DashboardDto>
{
    public async Task<DashboardDto> Handle(CreateDashboard request, CancellationToken cancellationToken)
    {
        var template = DashboardTemplates.Find(request.TemplateId);
        // The validator saw a name, the request's or the template's.
        var name = (request.Name ?? template!.Name).Trim();
        var dashboard = new Dashboard(Guid.CreateVersion7(), name, request.Description?.Trim() ?? template?.Description, isDefault: false,
            template?.Widgets ?? request.Widgets ?? [], clock.GetUtcNow());
        await dashboards.AddAsync(dashboard, cancellationToken);
        return DashboardDto.From(dashboard);
    }
}
