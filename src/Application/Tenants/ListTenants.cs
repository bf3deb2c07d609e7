using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Tenants;

[RequiresPermission(PermissionName.PlatformTenantsManage)]
public sealed record ListTenants : IRequest<IReadOnlyList<TenantDto>>;

public sealed class ListTenantsHandler(ITenantCatalog catalog) : IRequestHandler<ListTenants, IReadOnlyList<TenantDto>>
{
    public async Task<IReadOnlyList<TenantDto>> Handle(ListTenants request, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(cancellationToken)).Select(TenantDto.From).ToList();
}
