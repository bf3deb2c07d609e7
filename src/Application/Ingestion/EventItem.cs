using Faultline.Application.Common.Validation;
using Faultline.Domain;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Ingestion;

/// <summary>One event as a client sends it to POST /api/v1/events (documented in the OpenAPI document).</summary>
public sealed record EventItem(
    string? Type, string? Provider, string? ExternalId, int? Attempt, string? Repository, string? Pipeline, string? Branch,
    string? DefaultBranch, string? CommitSha, string? Trigger, string? Actor, string? Status, DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? RunExternalId, string? Name, string? Runner)
{
    /// <summary>The validated event, or why this item cannot be accepted.</summary>
    public (PipelineEvent? Event, string? Problem) ToEvent()
    {
        if (ControlCharacters.Find(this).FirstOrDefault() is ({ } field, { } problem)) return Reject($"{field}: {problem}");
        if (!EnumCode.TryParse<Domain.Ingestion.Provider>(Provider, out var provider)) return Reject("provider must be github, gitlab, jenkins or api");
        if (Blank(ExternalId)) return Reject("externalId is required");
        if (Attempt is < 1 or > 1000) return Reject("attempt must be between 1 and 1000");
        if (Blank(Repository)) return Reject("repository is required");
        if (Blank(Pipeline)) return Reject("pipeline is required");
        if (Blank(Branch)) return Reject("branch is required");
        if (PipelineStatuses.Normalize(Status) is not { } status) return Reject($"status '{Status}' is not a known status");
        if (new[] { ExternalId, Repository, Pipeline, Branch, DefaultBranch, CommitSha, Trigger, Actor, RunExternalId, Name, Runner }
            .Any(text => text?.Length > PipelineEvent.MaxTextLength))
            return Reject($"text fields are at most {PipelineEvent.MaxTextLength} characters");
        if (!new PipelineTimes(QueuedAt, StartedAt, FinishedAt).InOrder) return Reject("times must run queuedAt ≤ startedAt ≤ finishedAt");
        if (new[] { QueuedAt, StartedAt, FinishedAt }.Any(t => t > DateTimeOffset.UtcNow.AddDays(1))) return Reject("times lie in the future");
        if (status.IsTerminal() && FinishedAt is null && status != PipelineStatus.Skipped && status != PipelineStatus.Cancelled)
            return Reject("a finished status needs finishedAt");

        var attempt = Attempt ?? 1;
        return Type switch
        {
            "run" => (new RunEvent(provider, ExternalId!, attempt, Repository!, Pipeline!, Branch!, CommitSha, status, QueuedAt, StartedAt,
                FinishedAt, DefaultBranch, Trigger, Actor), null),
            "job" when Blank(RunExternalId) => Reject("runExternalId is required for a job"),
            "job" when Blank(Name) => Reject("name is required for a job"),
            "job" => (new JobEvent(provider, ExternalId!, attempt, Repository!, Pipeline!, Branch!, CommitSha, status, QueuedAt, StartedAt,
                FinishedAt, RunExternalId!, Name!, Runner), null),
            _ => Reject("type must be run or job"),
        };
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static (PipelineEvent?, string?) Reject(string problem) => (null, problem);
}

/// <summary>
/// An item of a batch: parsed, or why it could not be parsed. Validated by <see cref="EventItem.ToEvent"/>. A provider's
/// delivery may carry a job's log with the job (a Jenkins notification's failed stages): it is stored once the job is.
/// </summary>
[ValidatedPerItem]
public sealed record EventInput(EventItem? Item, string? ParseProblem, string? Log = null);
