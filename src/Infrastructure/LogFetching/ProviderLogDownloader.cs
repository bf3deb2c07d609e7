using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Faultline.Application.LogFetching;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Notifications;

namespace Faultline.Infrastructure.LogFetching;

/// <summary>
/// Job logs from GitHub's REST API (GET {api}/repos/{owner}/{repo}/actions/jobs/{job}/logs, which redirects to a
/// short-lived address of the plain text) and GitLab's (GET {instance}/api/v4/projects/{project}/jobs/{job}/trace).
/// Redirects are followed here, never with the token, and every connection goes through the target guard.
/// A rate limit (403 or 429 with x-ratelimit-remaining 0 and x-ratelimit-reset, or retry-after) names when to
/// ask again; network errors, timeouts, 408, 429 and 5xx are worth retrying; other answers are not.
/// </summary>
internal sealed class ProviderLogDownloader : IJobLogDownloader, IDisposable
{
    private const int MaxRedirects = 3;

    private readonly HttpClient _http;
    private readonly LogFetchOptions _options;
    private readonly TimeProvider _clock;

    public ProviderLogDownloader(DeliveryTargetGuard guard, LogFetchOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        var handler = GuardedHttpHandler.Create(guard);
        handler.AutomaticDecompression = DecompressionMethods.All;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Faultline-LogFetch/1.0");
    }

    public async Task<DownloadResult> DownloadAsync(LogLocation location, string token, Func<Stream, CancellationToken, Task> store,
        CancellationToken cancellationToken)
    {
        var provider = location.Source.Provider == Provider.Github ? "GitHub" : "GitLab";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await GetFollowingRedirectsAsync(Authorized(location, token), deadline.Token);
            if (!response.IsSuccessStatusCode) return await JudgeAsync(provider, response, deadline.Token);

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            try
            {
                await store(body, deadline.Token);
            }
            catch (IOException exception)
            {
                return new DownloadResult(DownloadStatus.Failed, $"The download from {provider} broke off: {HttpAnswer.Snippet(exception.Message)}");
            }

            return new DownloadResult(DownloadStatus.Downloaded);
        }
        catch (HttpRequestException exception) when (exception.InnerException is ForbiddenTargetException forbidden)
        {
            return new DownloadResult(DownloadStatus.Refused, forbidden.Message);
        }
        catch (HttpRequestException exception)
        {
            return new DownloadResult(DownloadStatus.Failed, $"Could not reach {provider}: {HttpAnswer.Snippet(exception.Message)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DownloadResult(DownloadStatus.Failed, $"{provider} did not send the log within {_options.RequestTimeout.TotalSeconds:0} s.");
        }
    }

    private HttpRequestMessage Authorized(LogLocation location, string token)
    {
        var (source, job) = (location.Source, Uri.EscapeDataString(location.JobId));
        if (source.Provider == Provider.Github)
        {
            var api = (location.ApiBaseUrl ?? _options.GithubApiUrl).TrimEnd('/');
            var repository = string.Join('/', source.Project.Split('/').Select(Uri.EscapeDataString));
            var request = new HttpRequestMessage(HttpMethod.Get, $"{api}/repos/{repository}/actions/jobs/{job}/logs");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            return request;
        }

        var instance = (location.ApiBaseUrl ?? source.InstanceUrl ?? _options.GitlabUrl).TrimEnd('/');
        var trace = new HttpRequestMessage(HttpMethod.Get, $"{instance}/api/v4/projects/{Uri.EscapeDataString(source.Project)}/jobs/{job}/trace");
        trace.Headers.Add("PRIVATE-TOKEN", token);
        return trace;
    }

    /// <summary>Sends the request; a redirect is followed with a bare GET, so the token never reaches the address it leads to.</summary>
    private async Task<HttpResponseMessage> GetFollowingRedirectsAsync(HttpRequestMessage first, CancellationToken cancellationToken)
    {
        var request = first;
        for (var hop = 0; ; hop++)
        {
            var from = request.RequestUri!;
            HttpResponseMessage response;
            using (request) response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (hop == MaxRedirects || (int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
                return response;
            response.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(from, location));
        }
    }

    private async Task<DownloadResult> JudgeAsync(string provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var message = MessageOf(await HttpAnswer.StartOfAsync(response.Content, cancellationToken));
        var answered = $"{provider} answered {status}{(message.Length > 0 ? ": " + message : "")}";
        var rateLimitReset = status is 403 or 429 ? RateLimitResetOf(response) : null;
        // A reset already past (clocks apart) is retried like a server error, so it cannot loop without costing attempts.
        if (rateLimitReset is { } reset && reset > _clock.GetUtcNow())
            return new DownloadResult(DownloadStatus.RateLimited, $"{answered} (rate limited until {reset:yyyy-MM-dd HH:mm:ss} UTC).", reset);
        return status switch
        {
            408 or 429 or >= 500 => new DownloadResult(DownloadStatus.Failed, answered),
            _ when rateLimitReset is not null => new DownloadResult(DownloadStatus.Failed, $"{answered} (rate limited)."),
            404 or 410 => new DownloadResult(DownloadStatus.Refused, $"{answered} (the log expired, or the job is gone)."),
            401 or 403 => new DownloadResult(DownloadStatus.Refused, $"{answered} (check the hook's token and its permissions)."),
            _ => new DownloadResult(DownloadStatus.Refused, answered),
        };
    }

    /// <summary>GitHub's and GitLab's errors are JSON with a "message"; anything else is shown as it starts.</summary>
    private static string MessageOf(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
                return HttpAnswer.Snippet(message.GetString()!);
        }
        catch (JsonException)
        {
            // Not JSON: shown as it is.
        }

        return HttpAnswer.Snippet(answer);
    }

    /// <summary>When a rate-limited token may ask again (at most MaxRateLimitWait ahead), or null when the answer is no rate limit.</summary>
    private DateTimeOffset? RateLimitResetOf(HttpResponseMessage response)
    {
        var now = _clock.GetUtcNow();
        DateTimeOffset? reset = null;
        if (response.Headers.RetryAfter is { } retryAfter)
            reset = retryAfter.Delta is { } delta ? now + delta : retryAfter.Date;
        else if (Header(response, "x-ratelimit-remaining") == "0"
                 && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            reset = DateTimeOffset.FromUnixTimeSeconds(Math.Min(epoch, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (reset is not { } at) return null;
        return at > now + _options.MaxRateLimitWait ? now + _options.MaxRateLimitWait : at;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    public void Dispose() => _http.Dispose();
}
