namespace Faultline.Application.Settings;

/// <summary>The settings kept in the tenant's own schema: the zone its days are cut in, and what a runner minute costs it.</summary>
public sealed record TenantSettings(string TimeZone, decimal RunnerMinutePrice);
