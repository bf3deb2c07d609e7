using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.ApiKeys;

[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record ListApiKeys : IRequest<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(IApiKeyRepository keys, ICurrentPrincipal principal) : IRequestHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys request, CancellationToken cancellationToken) =>
        (await keys.ListAsync(principal.RequireTenant(), cancellationToken)).Select(ApiKeyDto.From).ToList();
}
