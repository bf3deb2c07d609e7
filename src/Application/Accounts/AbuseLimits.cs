namespace Faultline.Application.Accounts;

/// <summary>
/// Per-client-address limits on the anonymous account endpoints (Faultline:Limits in configuration).
/// The per-account sign-in lockout is a rule, not a setting: see <see cref="AccountRules"/>.
/// </summary>
public sealed record AbuseLimits
{
    public int SignUpsPerAddressPerHour { get; init; } = 10;
    public int LoginAttemptsPerAddressPer5Minutes { get; init; } = 30;
    public int ResetRequestsPerAddressPerHour { get; init; } = 20;
}
