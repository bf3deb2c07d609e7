namespace Faultline.Application.Common.Exceptions;

/// <summary>A rate limit or lockout applies; the caller may retry after <see cref="RetryAfter"/>, which the message names.</summary>
/// <param name="reason">What was limited ("Too many sign-ups from your network.").</param>
/// <param name="advice">What else the caller can do, after when to retry ("or reset your password").</param>
public sealed class TooManyRequestsException(string reason, TimeSpan retryAfter, string? advice = null)
    : Exception($"{reason} Try again {When(retryAfter)}{(advice is null ? "" : ", " + advice)}.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>"in 40 seconds", "in 12 minutes", "in 2 hours": rounded up, so retrying then succeeds.</summary>
    public static string When(TimeSpan wait) => wait.TotalSeconds switch
    {
        <= 1 => "in a second",
        < 60 => $"in {Math.Ceiling(wait.TotalSeconds)} seconds",
        <= 60 * 60 => Plural(Math.Ceiling(wait.TotalMinutes), "minute"),
        _ => Plural(Math.Ceiling(wait.TotalHours), "hour"),
    };

    private static string Plural(double count, string unit) => count == 1 ? $"in 1 {unit}" : $"in {count} {unit}s";
}
