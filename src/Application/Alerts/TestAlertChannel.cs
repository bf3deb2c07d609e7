using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Sends a test message to one channel now, to check it is set up right.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record TestAlertChannel(Guid Id) : IRequest<TestResultDto>;

public sealed class TestAlertChannelHandler(IAlertStore store, TestDeliveries deliveries, IPublicLinks links, ICurrentPrincipal principal,
    TimeProvider clock) : IRequestHandler<TestAlertChannel, TestResultDto>
{
    public async Task<TestResultDto> Handle(TestAlertChannel request, CancellationToken cancellationToken)
    {
        var channel = (await store.ListChannelsAsync(cancellationToken)).FirstOrDefault(c => c.Id == request.Id)
            ?? throw new NotFoundException("No such channel.");
        var notification = new AlertNotification(Guid.CreateVersion7(), "alert.test", Guid.Empty, "Test notification", "info", "ok", 0, "—", "—",
            clock.GetUtcNow(), links.To("/alerts/channels"), $"Faultline can reach '{channel.Name}'. Rules that use this channel will notify here.", []);
        return await deliveries.SendAsync([channel], notification, principal.RequireActor(), cancellationToken);
    }
}
