using System.Linq.Expressions;
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

/// <summary>Turns a prediction input into the model to ask and the log to give it.</summary>
public sealed class PredictionInputs(IClassificationStore store, IFailureClassifier classifier)
{
    private ModelAssignment? _assignment;

    public async Task<(string Model, LogToAnalyze Log)> ResolveAsync(string? log, long? jobId, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentAsync(cancellationToken);
        if (log is not null) return (assignment.Active, new LogToAnalyze(log));

        var logs = await store.GetLogsAsync(jobId!.Value, cancellationToken) ?? throw new NotFoundException($"No job {jobId}.");
        if (logs.Log is null) throw new ConflictException($"Job {jobId} has no log yet; upload it first.");
        return (assignment.ServedFor(jobId.Value), new LogToAnalyze(logs.Log, logs.SuccessfulLog));
    }

    /// <summary>
    /// The tenant's assignment, read once per request; the shipped default when it never chose or
    /// chose a model that is no longer deployed.
    /// </summary>
    public async Task<ModelAssignment> AssignmentAsync(CancellationToken cancellationToken)
    {
        if (_assignment is null)
        {
            var chosen = await store.GetAssignmentAsync(cancellationToken);
            _assignment = chosen is not null && chosen.Models.All(m => classifier.Models.Any(card => card.Version == m))
                ? chosen
                : classifier.DefaultAssignment;
        }

        return _assignment;
    }
}
