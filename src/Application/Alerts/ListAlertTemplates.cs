using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Alerts;

public sealed record AlertTemplateDto(string Id, string Name, string Description, AlertRuleInput Rule);

/// <summary>Drafts of common rules, to start a new rule from.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListAlertTemplates : IRequest<IReadOnlyList<AlertTemplateDto>>;

public sealed class ListAlertTemplatesHandler : IRequestHandler<ListAlertTemplates, IReadOnlyList<AlertTemplateDto>>
{
    public Task<IReadOnlyList<AlertTemplateDto>> Handle(ListAlertTemplates request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AlertTemplateDto>>(AlertTemplates.All.Select(t => new AlertTemplateDto(t.Id, t.Name, t.Description,
            new AlertRuleInput(t.Name, t.Description, true, t.Query with { Filters = t.Query.Filters ?? MetricFilters.None },
                new ConditionInput(EnumCode.Of(t.Condition.Kind), t.Condition.Threshold, t.Condition.Upper, t.Condition.RecoveryThreshold),
                t.WindowMinutes, t.ForMinutes, EnumCode.Of(t.Severity), EnumCode.Of(t.NoData), EnumCode.Of(ErrorHandling.Error), null, []))).ToList());
}
