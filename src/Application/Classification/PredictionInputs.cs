using System.Linq.Expressions;
using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Domain.Classification;
using FluentValidation;

namespace Faultline.Application.Classification;

/// <summary>The rules every prediction input follows: a log or a job id, and a log that is text.</summary>
public static class PredictionInputRules
{
    /// <summary>Logs are read from the end (<see cref="Features.LogLines.MaxScannedChars"/>); this only bounds the request.</summary>
    public const int MaxLogChars = 25_000_000;

    // Binary data decoded as text is mostly control characters and replacement characters.
    private const double MaxUnreadableShare = 0.1;

    public static void Apply<T>(AbstractValidator<T> validator, Expression<Func<T, string?>> log, Expression<Func<T, long?>> jobId)
    {
        var readLog = log.Compile();
        var readJob = jobId.Compile();
        validator.RuleFor(log)
            .Must((request, text) => text is null != readJob(request) is null)
            .WithMessage("Send either a log or a jobId, not both and not neither.");
        validator.RuleFor(log)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("The log is empty.")
            .Must(text => text!.Length <= MaxLogChars).WithMessage($"The log is longer than {MaxLogChars:N0} characters; send its last part.")
            .Must(IsText).WithMessage("The log does not look like text: too many control or invalid characters (binary data?).")
            .When(request => readLog(request) is not null);
        validator.RuleFor(jobId).GreaterThan(0).When(request => readJob(request) is not null);
    }

    private static bool IsText(string? log)
    {
        if (log is null) return true;
        var unreadable = 0;
        foreach (var c in log)
        {
            if ((c < ' ' && c is not ('\n' or '\r' or '\t' or '\u001b' or '\b' or '\f')) || c == '\uFFFD') unreadable++;
        }

        return unreadable <= log.Length * MaxUnreadableShare;
    }
}

/// <summary>
/// Turns a prediction input into the model to ask and the log to give it. Scoped: while it lives, it holds the lease on the
/// tenant's own trained model when that serves the tenant.
/// </summary>
public sealed class PredictionInputs(IClassificationStore store, ITenantModelStore tenantModels, IFailureClassifier classifier) : IDisposable
{
    private ModelAssignment? _assignment;
    private IDisposable? _lease;

    public async Task<(string Model, LogToAnalyze Log)> ResolveAsync(string? log, long? jobId, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAsync(cancellationToken);
        if (log is not null) return (assignment.Active, new LogToAnalyze(log));

        var logs = await store.GetLogsAsync(jobId!.Value, cancellationToken) ?? throw new NotFoundException($"No job {jobId}.");
        if (logs.Log is null) throw new ConflictException($"Job {jobId} has no log yet; upload it first.");
        return (assignment.ServedFor(jobId.Value), new LogToAnalyze(logs.Log, logs.SuccessfulLog));
    }

    /// <summary>
    /// The tenant's assignment, read once per request; the shipped default when it never chose, or chose a model that is no
    /// longer deployed, or its own trained model is gone or stale (made by another featurizer version).
    /// </summary>
    public async Task<ModelAssignment> AssignmentAsync(CancellationToken cancellationToken)
    {
        if (_assignment is null)
        {
            var chosen = await store.GetAssignmentAsync(cancellationToken);
            _assignment = chosen is not null && await ServableAsync(chosen, cancellationToken) ? chosen : classifier.DefaultAssignment;
        }

        return _assignment;
    }

    public void Dispose() => _lease?.Dispose();

    private async Task<bool> ServableAsync(ModelAssignment chosen, CancellationToken cancellationToken)
    {
        foreach (var version in chosen.Models)
        {
            if (classifier.Models.Any(card => card.Version == version)) continue;
            if (_lease is not null || !await LeaseTrainedAsync(version, cancellationToken)) return false;
        }

        return true;
    }

    /// <summary>Serves the tenant's trained model while this scope lives; its bytes are read only when this server has not opened it already.</summary>
    private async Task<bool> LeaseTrainedAsync(string version, CancellationToken cancellationToken)
    {
        _lease = classifier.TryLease(version);
        if (_lease is not null) return true;
        var card = await tenantModels.FindAsync(version, cancellationToken);
        if (card is null || card.Stale || await tenantModels.ReadOnnxAsync(version, cancellationToken) is not { } onnx) return false;
        _lease = classifier.Lease(
            new ModelCard(card.Version, "lr", card.CreatedAt, card.FeaturizerVersion, card.Classes, JsonSerializer.SerializeToElement(card, JsonSerializerOptions.Web),
                $"Trained on this tenant's {card.Labels} labelled jobs.", card.UncertainBelow), onnx);
        return true;
    }
}
