using System.Text.Json;
using Faultline.Application.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>GitHub Actions' workflow_run and workflow_job webhook events, as canonical events.</summary>
internal static class GithubPayload
{
    public static IReadOnlyList<EventItem> Map(string eventType, JsonElement payload) => eventType switch
    {
        "workflow_run" => [Run(payload.Require("workflow_run"), payload)],
        "workflow_job" => [Job(payload.Require("workflow_job"), payload)],
        _ => [],
    };

    private static EventItem Run(JsonElement run, JsonElement payload)
    {
        var completed = run.Text("status") == "completed";
        var started = run.Time("run_started_at");
        return new EventItem("run", "github", run.Text("id"), run.Number("run_attempt") ?? 1, payload.Text("repository", "full_name"),
            run.Text("name"), run.Text("head_branch"), payload.Text("repository", "default_branch"), run.Text("head_sha"), run.Text("event"),
            run.Text("triggering_actor", "login") ?? run.Text("actor", "login"), completed ? run.Text("conclusion") : run.Text("status"),
            PayloadReader.NotAfter(run.Time("created_at"), started), started, completed ? run.Time("updated_at") : null, null, null, null);
    }

    private static EventItem Job(JsonElement job, JsonElement payload)
    {
        var completed = job.Text("status") == "completed";
        var started = job.Text("status") == "queued" ? null : job.Time("started_at");
        var labels = job.Get("labels") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(l => l.GetString()).FirstOrDefault() : null;
        return new EventItem("job", "github", job.Text("id"), job.Number("run_attempt") ?? 1, payload.Text("repository", "full_name"),
            job.Text("workflow_name"), job.Text("head_branch"), payload.Text("repository", "default_branch"), job.Text("head_sha"), null, null,
            completed ? job.Text("conclusion") : job.Text("status"), PayloadReader.NotAfter(job.Time("created_at"), started), started,
            completed ? job.Time("completed_at") : null, job.Text("run_id"), job.Text("name"), job.Text("runner_name") ?? labels);
    }
}
