using System.Text;
using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Ingestion;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>
/// Faultline's Jenkins notification, as the notifier of integrations/jenkins sends it from a pipeline's post section:
/// Jenkins' own wfapi/describe of the build (the Pipeline: Stage View plugin's REST API) and beside it what wfapi lacks —
/// {"jobName", "buildNumber", "buildUrl", "pipeline", "result" (the build's Result once it has ended, else null),
///  "queuedTimeMillis", "git": {"url", "branch", "commit"}, "causes": [currentBuild.getBuildCauses()], "describe": {…},
///  "logs": {"&lt;stage id&gt;": "the stage's console log"}}.
/// The build is the run ("job#build"), each stage a job ("job#build#stageId") with its log; times are wfapi's epoch
/// milliseconds. A payload this cannot read is refused whole (400), never stored in part.
/// </summary>
internal static class JenkinsPayload
{
    private static readonly long LatestMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static IReadOnlyList<EventInput> Map(JsonElement payload)
    {
        var describe = payload.Get("describe") is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw Invalid("describe", "The notification has no 'describe' object (the build's wfapi/describe).");
        var job = payload.Text("jobName") ?? throw Invalid("jobName", "The notification has no 'jobName'.");
        var runId = $"{job}#{payload.Text("buildNumber") ?? describe.Text("id")}";
        var pipeline = payload.Text("pipeline") ?? job;
        var repository = RepositoryOf(payload.Text("git", "url")) ?? pipeline;
        var branch = BranchOf(payload.Text("git", "branch"));
        var commit = payload.Text("git", "commit");
        var cause = payload.Get("causes") is { ValueKind: JsonValueKind.Array } causes && causes.GetArrayLength() > 0 ? causes[0] : default;

        var status = StatusWord(payload.Text("result") ?? describe.Text("status"));
        var ended = Ended(status);
        var started = Millis(describe, "startTimeMillis");
        var times = PayloadReader.TimesFor(status, Millis(payload, "queuedTimeMillis"), started, Millis(describe, "endTimeMillis") ?? started);
        var run = new EventItem("run", "jenkins", runId, 1, repository, pipeline, branch, null, commit, TriggerOf(cause.Text("_class")),
            cause.Text("userId"), status, times.QueuedAt, times.StartedAt, times.FinishedAt, null, null, null);

        var logs = Logs(payload);
        var inputs = new List<EventInput> { new(run, null) };
        var stages = describe.Get("stages") switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().ToList(),
            _ => throw Invalid("describe.stages", "'describe.stages' must be an array."),
        };
        for (var index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var id = stage.Text("id") ?? throw Invalid($"describe.stages[{index}].id", "Each stage needs its id.");
            var stageStatus = StatusWord(stage.Text("status"));
            // Sent once the build has ended, a stage that has not is the post section the notifier runs in: it ends
            // after the notification, so it is not stored (it would stay running for ever).
            if (ended && !Ended(stageStatus)) continue;

            var startMillis = Long(stage, "startTimeMillis");
            var stageStarted = Time(startMillis);
            // A finish is never before its start (wfapi corrects a negative duration only on the last stage).
            var stageFinished = Ended(stageStatus) && stageStarted is not null
                ? Time(startMillis + Math.Clamp(Long(stage, "durationMillis") ?? 0, 0, LatestMillis)) ?? stageStarted
                : null;
            var item = new EventItem("job", "jenkins", $"{runId}#{id}", 1, repository, pipeline, branch, null, commit, null, null, stageStatus,
                null, stageStarted, stageFinished, runId, stage.Text("name"), stage.Text("execNode") is { Length: > 0 } node ? node : null);
            inputs.Add(new EventInput(item, null, logs.Remove(id, out var log) ? log : null));
        }

        if (logs.Keys.FirstOrDefault() is { } stray)
            throw Invalid($"logs.{stray}", $"'{stray}' is not a stage of describe.stages that this notification stores.");
        return inputs;
    }

    /// <summary>
    /// Jenkins' words — a build's Result (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED) and wfapi's statuses (SUCCESS,
    /// FAILED, UNSTABLE, ABORTED, NOT_EXECUTED, SKIPPED, IN_PROGRESS, PAUSED_PENDING_INPUT) — as words
    /// <see cref="PipelineStatuses.Normalize"/> knows; another word is passed on, so its item is refused naming it.
    /// </summary>
    internal static string? StatusWord(string? jenkins) => jenkins switch
    {
        "SUCCESS" => "success",
        "FAILURE" or "FAILED" => "failure",
        "UNSTABLE" => "unstable",
        "ABORTED" => "aborted",
        "NOT_BUILT" or "NOT_EXECUTED" or "SKIPPED" => "skipped",
        "IN_PROGRESS" => "in_progress",
        "QUEUED" => "queued",
        "PAUSED_PENDING_INPUT" => "waiting",
        _ => jenkins,
    };

    /// <summary>"https://github.com/acme/api.git", "git@github.com:acme/api.git", "ssh://git@host:7999/acme/api.git" → "acme/api".</summary>
    internal static string? RepositoryOf(string? gitUrl)
    {
        if (string.IsNullOrWhiteSpace(gitUrl)) return null;
        var path = Uri.TryCreate(gitUrl, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.AbsolutePath) : gitUrl[(gitUrl.IndexOf(':') + 1)..];
        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.Ordinal)) path = path[..^4];
        return path.Length > 0 ? path : null;
    }

    /// <summary>A plain pipeline job's GIT_BRANCH names the remote ("origin/main"); a multibranch job's BRANCH_NAME does not.</summary>
    internal static string? BranchOf(string? branch) =>
        branch?.StartsWith("refs/heads/", StringComparison.Ordinal) == true ? branch["refs/heads/".Length..]
        : branch?.StartsWith("origin/", StringComparison.Ordinal) == true ? branch["origin/".Length..]
        : branch;

    /// <summary>
    /// The first cause's class as a trigger: "hudson.model.Cause$UserIdCause" → "user", the SCM poll → "scm", the timer →
    /// "schedule"; any other is its class's own name, snake_cased ("jenkins.branch.BranchIndexingCause" → "branch_indexing").
    /// </summary>
    internal static string? TriggerOf(string? causeClass)
    {
        if (causeClass is null) return null;
        var name = causeClass[(causeClass.LastIndexOfAny(['.', '$']) + 1)..];
        if (name.EndsWith("Cause", StringComparison.Ordinal)) name = name[..^"Cause".Length];
        return name switch
        {
            "UserId" or "User" => "user",
            "SCMTrigger" => "scm",
            "TimerTrigger" => "schedule",
            _ => SnakeCase(name),
        };
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1])) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static bool Ended(string? status) => PipelineStatuses.Normalize(status)?.IsTerminal() == true;

    private static long? Long(JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    /// <summary>wfapi's epoch milliseconds; 0 (a stage that never ran) or a value no date has is no time.</summary>
    private static DateTimeOffset? Time(long? millis) =>
        millis is > 0 && millis <= LatestMillis ? DateTimeOffset.FromUnixTimeMilliseconds(millis.Value) : null;

    private static DateTimeOffset? Millis(JsonElement element, string name) => Time(Long(element, name));

    private static Dictionary<string, string> Logs(JsonElement payload)
    {
        var logs = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (payload.Get("logs"))
        {
            case null:
                break;
            case { ValueKind: JsonValueKind.Object } found:
                foreach (var log in found.EnumerateObject())
                {
                    logs[log.Name] = log.Value.ValueKind == JsonValueKind.String
                        ? log.Value.GetString()!
                        : throw Invalid($"logs.{log.Name}", "Each log is its stage's console text.");
                }

                break;
            default:
                throw Invalid("logs", "'logs' must be an object of stage ids to console text.");
        }

        return logs;
    }

    private static RequestValidationException Invalid(string field, string message) => RequestValidationException.For(field, message);
}
