using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Alerts;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Sends a test notification, with the rule's current state and value, to each of its channels now.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record TestAlertRule(Guid Id) : IRequest<TestResultDto>;

public sealed class TestAlertRuleHandler(
    IAlertStore store, TestDeliveries deliveries, AlertNotifications notifications, ICurrentPrincipal principal, TimeProvider clock)
    : IRequestHandler<TestAlertRule, TestResultDto>
{
    public async Task<TestResultDto> Handle(TestAlertRule request, CancellationToken cancellationToken)
    {
        var status = await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule.");
        var channels = (await store.ListChannelsAsync(cancellationToken)).Where(c => status.Rule.ChannelIds.Contains(c.Id)).ToList();
        if (channels.Count == 0) throw new ConflictException("The rule has no channels to test.");

        var worst = status.States.MaxBy(s => s.State);
        var notification = await notifications.ComposeAsync(status.Rule, "alert.test", worst, clock.GetUtcNow(),
            "This is a test notification; nothing changed.", cancellationToken);
        return await deliveries.SendAsync(channels, notification, principal.RequireActor(), cancellationToken);
    }
}
