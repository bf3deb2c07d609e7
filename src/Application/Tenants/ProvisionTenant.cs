using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Tenants;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Tenants;

/// <summary>The operator creates a tenant: its catalog entry and its schema, migrated.</summary>
[RequiresPermission(PermissionName.PlatformTenantsManage)]
public sealed record ProvisionTenant(string Key, string Name) : IRequest<TenantDto>;

public sealed class ProvisionTenantValidator : AbstractValidator<ProvisionTenant>
{
    public ProvisionTenantValidator()
    {
        RuleFor(r => r.Key).Must(TenantKey.IsValid).WithMessage("Key must be " + TenantKey.RuleDescription);
        RuleFor(r => r.Name).NotEmpty()
            .Must(name => name is null || name.Trim().Length <= Tenant.MaxNameLength)
            .WithMessage($"Name must be at most {Tenant.MaxNameLength} characters.");
    }
}

public sealed class ProvisionTenantHandler(ITenantCatalog catalog, TimeProvider clock)
    : IRequestHandler<ProvisionTenant, TenantDto>
{
    public async Task<TenantDto> Handle(ProvisionTenant request, CancellationToken cancellationToken)
    {
        var key = TenantKey.Parse(request.Key);
        if (await catalog.FindAsync(key, cancellationToken) is not null)
            throw new ConflictException($"The tenant key '{key}' is already taken.");

        var tenant = new Tenant(Guid.CreateVersion7(), key, request.Name, clock.GetUtcNow());
        await catalog.CreateAsync(tenant, cancellationToken);
        return TenantDto.From(tenant);
    }
}
