using System.Globalization;
using System.Text.Json;
using Faultline.Application.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>
/// Jenkins has no standard build webhook; Faultline documents this one (see the OpenAPI document),
/// which a pipeline's post section sends with curl:
/// {"job": "acme-api/main", "build": 42, "repository": "acme/api", "branch": "main", "commit": "…",
///  "phase": "STARTED"|"COMPLETED", "status": "SUCCESS"|"FAILURE"|"UNSTABLE"|"ABORTED"|"NOT_BUILT",
///  "startedAt": "…", "finishedAt": "…", "stages": [{"name", "status", "startedAt", "finishedAt"}]}.
/// The build is the run; each stage is a job.
/// </summary>
internal static class JenkinsPayload
{
    public static IReadOnlyList<EventItem> Map(JsonElement payload)
    {
        var job = payload.Text("job");
        var build = payload.Text("build");
        var runId = $"{job}#{build}";
        var running = payload.Text("phase") is "STARTED" or "QUEUED";
        var run = new EventItem("run", "jenkins", runId, 1, payload.Text("repository") ?? job, job, payload.Text("branch"), null,
            payload.Text("commit"), payload.Text("cause"), payload.Text("user"), running ? "running" : payload.Text("status"), null,
            payload.Time("startedAt"), running ? null : payload.Time("finishedAt"), null, null, null);
        var stages = payload.Get("stages") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        return [run, .. stages.Select((stage, index) => new EventItem("job", "jenkins",
            $"{runId}#{index.ToString(CultureInfo.InvariantCulture)}", 1, run.Repository, job, run.Branch, null, run.CommitSha, null, null,
            stage.Text("status"), null, stage.Time("startedAt"), stage.Time("finishedAt"), runId, stage.Text("name"), payload.Text("node")))];
    }
}
