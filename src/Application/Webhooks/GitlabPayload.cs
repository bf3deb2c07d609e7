using System.Text.Json;
using Faultline.Application.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>
/// GitLab's Pipeline Hook and Job Hook events, as canonical events. A Pipeline Hook is the run and, from its builds[],
/// its jobs; a Job Hook is one job. Both name the pipeline and the repository the same way, so a job lands under its
/// run whichever hook told of it.
/// </summary>
internal static class GitlabPayload
{
    // A pipeline without a workflow:name is named by nothing in either hook; all of a project's such pipelines share this.
    private const string UnnamedPipeline = "gitlab-ci";

    public static IReadOnlyList<EventItem> Map(string eventType, JsonElement payload) => eventType switch
    {
        "Pipeline Hook" => Pipeline(payload),
        "Job Hook" => [Job(payload, "build_", Context.Of(payload, payload, "pipeline_id", payload.Text("commit", "name")))],
        _ => [],
    };

    /// <summary>
    /// What a job shares with its pipeline. The pipeline's name is object_attributes.name in a Pipeline Hook and commit.name
    /// in a Job Hook (GitLab's "commit" there is the pipeline: its id is pipeline_id); the repository is the project's
    /// path_with_namespace in both, which stays right for a GitLab served under a relative URL (example.com/gitlab/acme/api).
    /// </summary>
    private sealed record Context(string? PipelineId, string? Repository, string Pipeline, string? Branch, string? DefaultBranch, string? CommitSha)
    {
        /// <summary>From the payload's project and the fields that describe the pipeline (id, name, ref, sha).</summary>
        public static Context Of(JsonElement payload, JsonElement pipeline, string idField, string? name) => new(pipeline.Text(idField),
            payload.Text("project", "path_with_namespace"), string.IsNullOrWhiteSpace(name) ? UnnamedPipeline : name, pipeline.Text("ref"),
            payload.Text("project", "default_branch"), pipeline.Text("sha"));
    }

    private static IReadOnlyList<EventItem> Pipeline(JsonElement payload)
    {
        var pipeline = payload.Require("object_attributes");
        var context = Context.Of(payload, pipeline, "id", pipeline.Text("name"));
        var builds = payload.Get("builds") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        var status = pipeline.Text("status");
        var times = PayloadReader.TimesFor(status, pipeline.Time("created_at"), Started(pipeline, builds), pipeline.Time("finished_at"));
        var run = new EventItem("run", "gitlab", context.PipelineId, 1, context.Repository, context.Pipeline, context.Branch, context.DefaultBranch,
            context.CommitSha, pipeline.Text("source"), payload.Text("user", "username"), status, times.QueuedAt, times.StartedAt, times.FinishedAt,
            null, null, null);
        return [run, .. builds.Select(build => Job(build, "", context))];
    }

    /// <summary>
    /// When the pipeline started: its own started_at, else when its first job started, else (no job ever ran) its
    /// finish less its duration.
    /// </summary>
    private static DateTimeOffset? Started(JsonElement pipeline, List<JsonElement> builds) =>
        pipeline.Time("started_at")
        ?? builds.Select(build => build.Time("started_at")).Min()
        ?? (pipeline.Time("finished_at") is { } finished && pipeline.Number("duration") is { } seconds ? finished.AddSeconds(-seconds) : null);

    /// <summary>
    /// A job from a Job Hook (whose fields are named "build_id", "build_status"… at the top level: <paramref name="prefix"/>
    /// "build_") or from a Pipeline Hook's builds[] ("id", "status"…).
    /// </summary>
    private static EventItem Job(JsonElement job, string prefix, Context context)
    {
        var status = job.Text(prefix + "status");
        var times = PayloadReader.TimesFor(status, job.Time(prefix + "created_at"), job.Time(prefix + "started_at"),
            job.Time(prefix + "finished_at"));
        return new EventItem("job", "gitlab", job.Require(prefix + "id").Text(), 1, context.Repository, context.Pipeline, context.Branch,
            context.DefaultBranch, context.CommitSha, null, null, status, times.QueuedAt, times.StartedAt, times.FinishedAt,
            context.PipelineId, job.Text(prefix + "name"), PayloadReader.HasStarted(status) ? job.Text("runner", "description") : null);
    }
}
