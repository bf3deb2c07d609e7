namespace Faultline.Domain.Alerts;

/// <summary>
/// Where one group of a rule stands (the whole rule when it is not grouped: Group null): since when,
/// the last value, when people were last told, and whether someone acknowledged it.
/// </summary>
public sealed record AlertGroupState(
    string? Group,
    AlertState State,
    DateTimeOffset Since,
    double? Value,
    DateTimeOffset? LastNotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    IReadOnlyList<double> RecentValues)
{
    /// <summary>How many recent values a state keeps: the trend a notification draws.</summary>
    public const int TrendLength = 20;

    public static AlertGroupState New(string? group, DateTimeOffset at) => new(group, AlertState.Ok, at, null, null, null, null, []);
}

/// <summary>The value of one group in an evaluation; Value null when the window had none.</summary>
public sealed record GroupReading(string? Group, double? Value);

/// <summary>A state change of one group, for the history.</summary>
public sealed record AlertTransition(string? Group, AlertState From, AlertState To, double? Value, string? Detail);

/// <summary>
/// Something to tell the rule's channels: a group entered <see cref="State"/> (or still fires, for a
/// re-notification).
/// </summary>
public sealed record AlertNotice(string? Group, AlertState State, AlertState PreviousState, bool Repeat, double? Value, IReadOnlyList<double> Trend)
{
    public string Type => Repeat ? "alert.renotify" : "alert." + EnumCode.Of(State);
}

/// <summary>What one evaluation changed: the states to keep, groups to forget, the history and the notices.</summary>
public sealed record AlertEvaluation(
    IReadOnlyList<AlertGroupState> States,
    IReadOnlyList<string?> Forgotten,
    IReadOnlyList<AlertTransition> Transitions,
    IReadOnlyList<AlertNotice> Notices);
