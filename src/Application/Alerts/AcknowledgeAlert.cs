using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>
/// Someone is on it: the firing group (or every firing group when AllGroups) stops re-notifying until it resolves.
/// </summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record AcknowledgeAlert(Guid Id, string? Group, bool AllGroups) : IRequest<AlertRuleDto>;

public sealed class AcknowledgeAlertHandler(IAlertStore store, ICurrentPrincipal principal, TimeProvider clock)
    : IRequestHandler<AcknowledgeAlert, AlertRuleDto>
{
    public async Task<AlertRuleDto> Handle(AcknowledgeAlert request, CancellationToken cancellationToken)
    {
        _ = await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule.");
        var changed = await store.AcknowledgeAsync(request.Id, request.Group, request.AllGroups, principal.RequireActor(), clock.GetUtcNow(),
            cancellationToken);
        if (changed.Count == 0)
            throw new ConflictException(request.AllGroups ? "Nothing of this rule is firing." : "That group of the rule is not firing.");
        return AlertRuleDto.From((await store.FindRuleAsync(request.Id, cancellationToken))!);
    }
}
