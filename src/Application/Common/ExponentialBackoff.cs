namespace Faultline.Application.Common;

/// <summary>Retry delays that start at a first wait and double with each failed attempt, up to a ceiling.</summary>
public static class ExponentialBackoff
{
    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based); null once <paramref name="maxAttempts"/> were made.</summary>
    public static TimeSpan? Delay(int attempt, int maxAttempts, TimeSpan first, TimeSpan max) =>
        attempt >= maxAttempts ? null : TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Min(attempt - 1, 30))));
}
