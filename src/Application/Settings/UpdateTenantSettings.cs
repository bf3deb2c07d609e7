using System.Globalization;
using Faultline.Application.Common;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Tenants;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Settings;

/// <summary>Changes the tenant's name, time zone and runner price; every change is audited.</summary>
[RequiresPermission(PermissionName.SettingsManage)]
public sealed record UpdateTenantSettings(string? OrganisationName, string? TimeZone, decimal? RunnerMinutePrice) : IRequest<TenantSettingsDto>;

public sealed class UpdateTenantSettingsValidator : AbstractValidator<UpdateTenantSettings>
{
    /// <summary>A dollar a minute is far above any hosted runner's price; beyond it is a typo.</summary>
    public const decimal MaxRunnerMinutePrice = 1m;

    public UpdateTenantSettingsValidator()
    {
        // Stop at the first failure: the checks after "not empty" read the name.
        RuleFor(r => r.OrganisationName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Name the organisation.")
            .Must(n => n!.Trim().Length <= Tenant.MaxNameLength).WithMessage($"An organisation name has at most {Tenant.MaxNameLength} characters.")
            .Must(n => !n!.Any(char.IsControl)).WithMessage("An organisation name has no control characters (line breaks, tabs).");
        RuleFor(r => r.TimeZone).NotEmpty().WithMessage("Choose a time zone.")
            .Must(zone => IanaTimeZone.Find(zone) is not null).WithMessage(r => $"'{r.TimeZone}' is not an IANA time zone such as Europe/Berlin or America/Los_Angeles.");
        RuleFor(r => r.RunnerMinutePrice).NotNull().WithMessage("Give the price of a runner minute (0 when runners cost nothing).")
            .InclusiveBetween(0, MaxRunnerMinutePrice).WithMessage($"A runner minute costs between 0 and {MaxRunnerMinutePrice.ToString(CultureInfo.InvariantCulture)}.")
            .Must(p => p is null || decimal.Round(p.Value, 6) == p.Value).WithMessage("A runner minute's price has at most 6 decimals.");
    }
}

public sealed class UpdateTenantSettingsHandler(
    ITenantSettingsStore store, ITenantCatalog catalog, ICurrentPrincipal principal, AuditTrail audit, IUnitOfWork unitOfWork)
    : IRequestHandler<UpdateTenantSettings, TenantSettingsDto>
{
    public async Task<TenantSettingsDto> Handle(UpdateTenantSettings request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var tenant = await catalog.FindAsync(tenantId, cancellationToken) ?? throw new InvalidOperationException("The signed-in tenant is not in the catalog.");
        var before = await store.GetAsync(cancellationToken);
        var after = new TenantSettings(request.TimeZone!, request.RunnerMinutePrice!.Value);
        var name = request.OrganisationName!.Trim();

        if (after != before)
        {
            await store.SaveAsync(after, cancellationToken);
            if (after.TimeZone != before.TimeZone) audit.Record(tenantId, "settings.time_zone", $"{before.TimeZone} → {after.TimeZone}");
            if (after.RunnerMinutePrice != before.RunnerMinutePrice)
            {
                audit.Record(tenantId, "settings.runner_price",
                    FormattableString.Invariant($"{before.RunnerMinutePrice:0.######} → {after.RunnerMinutePrice:0.######} per minute"));
            }
        }

        if (name != tenant.Name)
        {
            audit.Record(tenantId, "settings.name", $"{tenant.Name} → {name}");
            tenant.Rename(name);
            catalog.Update(tenant);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TenantSettingsDto(tenant.Name, after.TimeZone, after.RunnerMinutePrice);
    }
}
