namespace Faultline.Application.Common.Exceptions;

/// <summary>A rate limit or lockout applies; the caller may retry after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
