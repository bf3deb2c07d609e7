using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Deletes a rule with its states and undelivered notifications; its history stays.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record DeleteAlertRule(Guid Id) : IRequest<Unit>;

public sealed class DeleteAlertRuleHandler(IAlertStore store) : IRequestHandler<DeleteAlertRule, Unit>
{
    public async Task<Unit> Handle(DeleteAlertRule request, CancellationToken cancellationToken)
    {
        _ = await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule.");
        await store.DeleteRuleAsync(request.Id, cancellationToken);
        return Unit.Value;
    }
}
