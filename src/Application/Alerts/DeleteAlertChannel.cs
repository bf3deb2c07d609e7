using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Deletes a channel: rules stop using it and its undelivered notifications are dropped.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record DeleteAlertChannel(Guid Id) : IRequest<Unit>;

public sealed class DeleteAlertChannelHandler(IAlertStore store) : IRequestHandler<DeleteAlertChannel, Unit>
{
    public async Task<Unit> Handle(DeleteAlertChannel request, CancellationToken cancellationToken) =>
        await store.DeleteChannelAsync(request.Id, cancellationToken) ? Unit.Value : throw new NotFoundException("No such channel.");
}
