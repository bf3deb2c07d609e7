using Faultline.Domain.Tenants;

namespace Faultline.Application.Tenants;

public sealed record TenantDto(Guid Id, string Key, string Name, string SchemaName, DateTimeOffset CreatedAt)
{
    public static TenantDto From(Tenant tenant) =>
        new(tenant.Id, tenant.Key.Value, tenant.Name, tenant.SchemaName, tenant.CreatedAt);
}
