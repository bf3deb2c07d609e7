namespace Faultline.Infrastructure.LogFetching;

/// <summary>
/// Faultline:LogFetch (with <see cref="Application.LogFetching.LogFetchPolicy"/>'s retry settings): how often
/// the worker looks for due downloads, the providers' default API addresses (a hook may name its own), and
/// how long one download may take.
/// </summary>
public sealed record LogFetchOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string GithubApiUrl { get; init; } = "https://api.github.com";

    /// <summary>GitLab's address when neither the hook nor the delivery names one.</summary>
    public string GitlabUrl { get; init; } = "https://gitlab.com";

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a rate limit's reset is waited for before asking again.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromHours(1);
}
