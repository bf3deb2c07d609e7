using Faultline.Application.Common.Security;
using Faultline.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>Why a log failed: the tenant's served model over a pasted log or a stored job's log. Stores nothing.</summary>
[RequiresPermission(PermissionName.DataPredict)]
public sealed record PredictFailure([property: LogText] string? Log, long? JobId) : IRequest<FailureAnalysis>;

public sealed class PredictFailureValidator : AbstractValidator<PredictFailure>
{
    public PredictFailureValidator() => PredictionInputRules.Apply(this, r => r.Log, r => r.JobId);
}

public sealed class PredictFailureHandler(PredictionInputs inputs, FailureAnalyzer analyzer) : IRequestHandler<PredictFailure, FailureAnalysis>
{
    public async Task<FailureAnalysis> Handle(PredictFailure request, CancellationToken cancellationToken)
    {
        var (model, log) = await inputs.ResolveAsync(request.Log, request.JobId, cancellationToken);
        return analyzer.Analyze(model, [log])[0];
    }
}
