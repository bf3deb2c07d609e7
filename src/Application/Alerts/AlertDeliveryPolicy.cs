namespace Faultline.Application.Alerts;

/// <summary>
/// How hard the outbox tries: retryable failures wait FirstRetry, then twice as long each time (at
/// most MaxDelay), until MaxAttempts attempts were made. Bound from Faultline:Alerts:Delivery.
/// </summary>
public sealed record AlertDeliveryPolicy
{
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When to try again after failed attempt number <paramref name="attempt"/> (1-based); null when the budget is spent.</summary>
    public TimeSpan? RetryDelay(int attempt) => Common.ExponentialBackoff.Delay(attempt, MaxAttempts, FirstRetry, MaxDelay);
}
