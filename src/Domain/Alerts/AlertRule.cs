using Faultline.Domain.Analytics;

namespace Faultline.Domain.Alerts;

/// <summary>A watched metric: what to compute, when it breaches, how long before it fires, and whom to tell.</summary>
public sealed record AlertRule(
    Guid Id,
    string Name,
    string? Description,
    bool Enabled,
    MetricSpec Query,
    AlertCondition Condition,
    int WindowMinutes,
    int ForMinutes,
    AlertSeverity Severity,
    NoDataHandling NoData,
    ErrorHandling OnError,
    int? RenotifyMinutes,
    IReadOnlyList<Guid> ChannelIds,
    DateTimeOffset? MutedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 500;
    public const int MaxWindowMinutes = 30 * 24 * 60;
    public const int MaxForMinutes = 24 * 60;
    public const int MinRenotifyMinutes = 10;
    public const int MaxRenotifyMinutes = 7 * 24 * 60;
    public const int MaxChannels = 10;
    public const int MaxMuteMinutes = 30 * 24 * 60;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public bool IsMuted(DateTimeOffset at) => MutedUntil is { } until && until > at;

    /// <summary>
    /// Whether old states no longer describe <paramref name="changed"/>: it watches something else, or
    /// it was switched off or on (a disabled rule is not evaluated, so its last state would linger).
    /// </summary>
    public bool WatchesDifferently(AlertRule changed) =>
        changed.Query != Query || changed.Condition != Condition || changed.WindowMinutes != WindowMinutes || changed.Enabled != Enabled;
}
