using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record ListWebhooks : IRequest<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(IWebhookRepository hooks, IWebhookUrls urls, ICurrentPrincipal principal)
    : IRequestHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooks request, CancellationToken cancellationToken) =>
        (await hooks.ListAsync(principal.RequireTenant(), cancellationToken)).Select(hook => WebhookDto.From(hook, urls)).ToList();
}
