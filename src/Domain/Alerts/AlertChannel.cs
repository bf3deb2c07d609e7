namespace Faultline.Domain.Alerts;

public enum ChannelKind
{
    Slack,
    Email,
    Webhook,
}

/// <summary>
/// Where notifications go: a Slack incoming webhook, e-mail recipients, or a generic webhook signed
/// with <see cref="Secret"/>. URLs are secrets too (a Slack URL is its own credential): only
/// <see cref="Target"/> is shown.
/// </summary>
public sealed record AlertChannel(
    Guid Id, string Name, ChannelKind Kind, string? Url, IReadOnlyList<string> Recipients, string? Secret, DateTimeOffset CreatedAt)
{
    public const int MaxNameLength = 100;
    public const int MaxRecipients = 20;
    public const int MaxUrlLength = 2000;

    /// <summary>Where it delivers, without the part of a URL that works as a password.</summary>
    public string Target => Kind switch
    {
        ChannelKind.Email => string.Join(", ", Recipients),
        ChannelKind.Slack => MaskedPath(Url!),
        _ => MaskedQuery(Url!),
    };

    // hooks.slack.com/services/T0123/B0456/secret → …/services/T0…/…
    private static string MaskedPath(string url)
    {
        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shown = segments.Length > 1 ? $"/{segments[0]}/{segments[1][..Math.Min(2, segments[1].Length)]}…/…" : "/…";
        return $"{uri.Scheme}://{uri.Authority}{shown}";
    }

    private static string MaskedQuery(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}{(uri.Query.Length > 0 ? "?…" : "")}";
    }
}
