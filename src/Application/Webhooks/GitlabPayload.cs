using System.Text.Json;
using Faultline.Application.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>GitLab's Pipeline Hook and Job Hook events, as canonical events.</summary>
internal static class GitlabPayload
{
    // GitLab's job events do not name their pipeline, so both sides share this one.
    private const string PipelineName = "gitlab-ci";

    public static IReadOnlyList<EventItem> Map(string eventType, JsonElement payload) => eventType switch
    {
        "Pipeline Hook" => [Pipeline(payload)],
        "Job Hook" => [Job(payload)],
        _ => [],
    };

    private static EventItem Pipeline(JsonElement payload)
    {
        var pipeline = payload.Require("object_attributes");
        var finished = pipeline.Time("finished_at");
        var duration = pipeline.Number("duration");
        DateTimeOffset? started = finished is { } end && duration is { } seconds ? end.AddSeconds(-seconds) : null;
        return new EventItem("run", "gitlab", pipeline.Text("id"), 1, payload.Text("project", "path_with_namespace"), PipelineName,
            pipeline.Text("ref"), payload.Text("project", "default_branch"), pipeline.Text("sha"), pipeline.Text("source"),
            payload.Text("user", "username"), pipeline.Text("status"), PayloadReader.NotAfter(pipeline.Time("created_at"), started), started,
            finished, null, null, null);
    }

    private static EventItem Job(JsonElement payload)
    {
        var started = payload.Time("build_started_at");
        return new EventItem("job", "gitlab", payload.Text("build_id"), 1, ProjectPath(payload), PipelineName, payload.Text("ref"), null,
            payload.Text("sha"), null, payload.Text("user", "username"), payload.Text("build_status"),
            PayloadReader.NotAfter(payload.Time("build_created_at"), started), started, payload.Time("build_finished_at"),
            payload.Text("pipeline_id"), payload.Text("build_name"), payload.Text("runner", "description"));
    }

    // Job hooks carry the project's web address, not its path: "https://gitlab.com/acme/api" → "acme/api".
    private static string? ProjectPath(JsonElement payload) =>
        payload.Text("repository", "homepage") is { } homepage && Uri.TryCreate(homepage, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Trim('/')
            : payload.Text("project_name");
}
