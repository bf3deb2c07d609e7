using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>The tenant's alert rules with their current state, most severe first.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListAlertRules : IRequest<IReadOnlyList<AlertRuleDto>>;

public sealed class ListAlertRulesHandler(IAlertStore store) : IRequestHandler<ListAlertRules, IReadOnlyList<AlertRuleDto>>
{
    public async Task<IReadOnlyList<AlertRuleDto>> Handle(ListAlertRules request, CancellationToken cancellationToken) =>
        (await store.ListRulesAsync(cancellationToken)).Select(AlertRuleDto.From)
            .OrderByDescending(r => EnumCode.Parse<AlertState>(r.State)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
