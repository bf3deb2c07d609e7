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
        var status = Status(run);
        // run_started_at is the latest attempt's start; updated_at is the finish of a completed run (clamped to the start).
        var created = run.Time("created_at");
        var times = PayloadReader.TimesFor(status, created, run.Time("run_started_at") ?? created, run.Time("updated_at"));
        return new EventItem("run", "github", run.Text("id"), run.Number("run_attempt") ?? 1, payload.Text("repository", "full_name"),
            WorkflowName(run, payload), run.Text("head_branch"), payload.Text("repository", "default_branch"), run.Text("head_sha"),
            run.Text("event"), run.Text("triggering_actor", "login") ?? run.Text("actor", "login"), status, times.QueuedAt, times.StartedAt,
            times.FinishedAt, null, null, null);
    }

    private static EventItem Job(JsonElement job, JsonElement payload)
    {
        var status = Status(job);
        var times = PayloadReader.TimesFor(status, job.Time("created_at"), job.Time("started_at"), job.Time("completed_at"));
        // A queued or waiting job has no runner yet, whatever runner_name says; its labels only say which runners may take it.
        var runner = PayloadReader.HasStarted(status) ? job.Text("runner_name") : null;
        return new EventItem("job", "github", job.Text("id"), job.Number("run_attempt") ?? 1, payload.Text("repository", "full_name"),
            job.Text("workflow_name"), job.Text("head_branch"), payload.Text("repository", "default_branch"), job.Text("head_sha"), null, null,
            status, times.QueuedAt, times.StartedAt, times.FinishedAt, job.Text("run_id"), job.Text("name"), runner);
    }

    // A completed run or job says how it ended in its conclusion; otherwise its status is where it is.
    private static string? Status(JsonElement runOrJob) =>
        runOrJob.Text("status") == "completed" ? runOrJob.Text("conclusion") : runOrJob.Text("status");

    /// <summary>
    /// The run's name is its workflow's; GitHub's own examples leave it empty, with the workflow's name beside the run
    /// (and jobs carry it as workflow_name), else its file: ".github/workflows/ci.yml" is "ci".
    /// </summary>
    private static string? WorkflowName(JsonElement run, JsonElement payload) =>
        new[] { run.Text("name"), payload.Text("workflow", "name") }.FirstOrDefault(name => !string.IsNullOrWhiteSpace(name))
        ?? FileName(run.Text("path") ?? payload.Text("workflow", "path"));

    // A path may name the ref it was read from: "…/ci.yml@refs/heads/main".
    private static string? FileName(string? path) =>
        path?.Split('@')[0] is { Length: > 0 } file ? Path.GetFileNameWithoutExtension(file) : null;
}
