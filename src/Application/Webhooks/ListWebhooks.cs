using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record ListWebhooks : IRequest<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(IWebhookRepository hooks, IWebhookTokenStore tokens, IWebhookUrls urls, ICurrentPrincipal principal)
    : IRequestHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooks request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var access = await tokens.ListAsync(tenantId, cancellationToken);
        return (await hooks.ListAsync(tenantId, cancellationToken)).Select(hook => WebhookDto.From(hook, urls, access.GetValueOrDefault(hook.Id))).ToList();
    }
}
