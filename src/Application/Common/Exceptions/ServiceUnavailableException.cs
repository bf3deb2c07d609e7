namespace Faultline.Application.Common.Exceptions;

/// <summary>
/// The service cannot take this request now (the tenant's share of the database is in use, or the
/// database did not answer in time); the caller may retry after <see cref="RetryAfter"/>.
/// </summary>
public sealed class ServiceUnavailableException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
