using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

[RequiresPermission(PermissionName.DataRead)]
public sealed record GetAlertRule(Guid Id) : IRequest<AlertRuleDto>;

public sealed class GetAlertRuleHandler(IAlertStore store) : IRequestHandler<GetAlertRule, AlertRuleDto>
{
    public async Task<AlertRuleDto> Handle(GetAlertRule request, CancellationToken cancellationToken) =>
        AlertRuleDto.From(await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule."));
}
