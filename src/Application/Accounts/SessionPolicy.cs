namespace Faultline.Application.Accounts;

/// <summary>How long a browser session may last (Faultline:Sessions in configuration).</summary>
public sealed record SessionPolicy
{
    /// <summary>From sign-in, however active the session is; the cookie's sliding idle timeout ends it sooner.</summary>
    public TimeSpan AbsoluteLifetime { get; init; } = TimeSpan.FromHours(24);
}
