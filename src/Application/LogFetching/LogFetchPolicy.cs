namespace Faultline.Application.LogFetching;

/// <summary>
/// How hard Faultline tries to download a failed job's log (Faultline:LogFetch): network errors and 5xx
/// answers wait FirstRetry, then twice as long each time (at most MaxDelay), until MaxAttempts attempts
/// were made. A rate limit waits until the provider's reset and costs no attempt.
/// </summary>
public sealed record LogFetchPolicy
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>GitHub can answer 404 for a job's log for a moment after the job completed, so the first download waits this long.</summary>
    public TimeSpan FirstFetchDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When to try again after failed attempt number <paramref name="attempt"/> (1-based); null when the budget is spent.</summary>
    public TimeSpan? RetryDelay(int attempt) => Common.ExponentialBackoff.Delay(attempt, MaxAttempts, FirstRetry, MaxDelay);
}
