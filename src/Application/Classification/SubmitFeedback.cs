using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Classification;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// A person's verdict on a failed job's category. It becomes the job's category (dashboards count
/// it), is never overwritten by re-classification, and joins the next training set.
/// </summary>
[RequiresPermission(PermissionName.DataPredict)]
public sealed record SubmitFeedback(long? JobId, string? Category) : IRequest<Feedback>;

public sealed class SubmitFeedbackValidator : AbstractValidator<SubmitFeedback>
{
    public SubmitFeedbackValidator()
    {
        RuleFor(r => r.JobId).NotNull().WithMessage("Name the job (jobId).").GreaterThan(0);
        RuleFor(r => r.Category).NotEmpty().WithMessage("Name the category.")
            .Must(c => EnumCode.All<FailureCategory>().Contains(c))
            .WithMessage($"The category is one of {string.Join(", ", EnumCode.All<FailureCategory>())}.");
    }
}

public sealed class SubmitFeedbackHandler(IClassificationStore store, ICurrentPrincipal principal) : IRequestHandler<SubmitFeedback, Feedback>
{
    public async Task<Feedback> Handle(SubmitFeedback request, CancellationToken cancellationToken) =>
        await store.SaveFeedbackAsync(request.JobId!.Value, request.Category!, principal.RequireActor(), cancellationToken)
        ?? throw new NotFoundException($"No failed job {request.JobId}.");
}
