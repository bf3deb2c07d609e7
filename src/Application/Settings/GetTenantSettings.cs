using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Settings;

/// <summary>The tenant's settings; everyone who reads its data needs its time zone to read the data right.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record GetTenantSettings : IRequest<TenantSettingsDto>;

public sealed class GetTenantSettingsHandler(ITenantSettingsStore store, ITenantCatalog catalog, ICurrentPrincipal principal)
    : IRequestHandler<GetTenantSettings, TenantSettingsDto>
{
    public async Task<TenantSettingsDto> Handle(GetTenantSettings request, CancellationToken cancellationToken)
    {
        var tenant = await catalog.FindAsync(principal.RequireTenant(), cancellationToken) ?? throw new InvalidOperationException("The signed-in tenant is not in the catalog.");
        var settings = await store.GetAsync(cancellationToken);
        return new TenantSettingsDto(tenant.Name, settings.TimeZone, settings.RunnerMinutePrice);
    }
}
