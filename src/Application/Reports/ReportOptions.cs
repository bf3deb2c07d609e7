namespace Faultline.Application.Reports;

/// <summary>Faultline:Reports.</summary>
public sealed record ReportOptions
{
    /// <summary>How long a run's files stay downloadable (and its signed links valid).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long a run may stay running before another instance takes it over (an instance that stopped mid-run).</summary>
    public TimeSpan RunLease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts at a Slack message before it is given up, with exponential backoff from <see cref="FirstRetry"/>.</summary>
    public int MaxMessageAttempts { get; init; } = 6;

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due reports a tick renders at once (rendering is CPU-bound: about the cores an instance has).</summary>
    public int Parallelism { get; init; } = 3;
}
