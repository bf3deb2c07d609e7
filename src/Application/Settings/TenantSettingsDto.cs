namespace Faultline.Application.Settings;

public sealed record TenantSettingsDto(string OrganisationName, string TimeZone, decimal RunnerMinutePrice);
