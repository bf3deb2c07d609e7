using System.Text.Json;
using Faultline.Application.Ingestion;
using Faultline.Application.Webhooks;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.LogFetching;

/// <summary>
/// Queues the download of the logs of the failed jobs a delivery stored (the queue keeps only failed jobs
/// without a log, of hooks with a token). GitHub's jobs are found by repository; GitLab's by project id,
/// on the instance the delivery came from, unless the hook names its own API address.
/// </summary>
public sealed class LogFetchScheduler(ILogFetchQueue queue, LogFetchPolicy policy, TimeProvider clock)
{
    public async Task ScheduleAsync(Guid hookId, Provider provider, JsonElement payload, IReadOnlyList<EventInput> items, IngestResult result,
        CancellationToken cancellationToken)
    {
        if (SourceOf(provider, payload) is not { } source) return;
        var jobIds = result.Items.Where(r => r.Id is not null && items[r.Index].Item?.Type == "job").Select(r => r.Id!.Value).ToList();
        if (jobIds.Count == 0) return;
        await queue.EnqueueAsync(hookId, source, jobIds, clock.GetUtcNow() + policy.FirstFetchDelay, cancellationToken);
    }

    private static LogSource? SourceOf(Provider provider, JsonElement payload) => provider switch
    {
        Provider.Github when payload.Text("repository", "full_name") is { } repository => new LogSource(provider, repository, null),
        Provider.Gitlab when (payload.Text("project", "id") ?? payload.Text("project_id") ?? payload.Text("project", "path_with_namespace")) is { } project =>
            new LogSource(provider, project, GitlabInstance(payload)),
        _ => null,
    };

    // "https://example.com/gitlab/acme/api" with path "acme/api" → "https://example.com/gitlab" (GitLab under a relative URL included).
    private static string? GitlabInstance(JsonElement payload)
    {
        if ((payload.Text("project", "web_url") ?? payload.Text("repository", "homepage")) is not { } web
            || !Uri.TryCreate(web, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return null;
        var path = url.AbsolutePath.TrimEnd('/');
        var project = payload.Text("project", "path_with_namespace");
        var root = project is not null && path.EndsWith("/" + project, StringComparison.OrdinalIgnoreCase) ? path[..^(project.Length + 1)] : "";
        return url.GetLeftPart(UriPartial.Authority) + root;
    }
}
