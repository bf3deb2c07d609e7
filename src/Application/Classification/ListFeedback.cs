using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>The tenant's corrections, newest first: what people said and what the model had said.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListFeedback(int Limit = 100) : IRequest<IReadOnlyList<Feedback>>;

public sealed class ListFeedbackValidator : AbstractValidator<ListFeedback>
{
    public ListFeedbackValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, 1000);
}

public sealed class ListFeedbackHandler(IClassificationStore store) : IRequestHandler<ListFeedback, IReadOnlyList<Feedback>>
{
    public Task<IReadOnlyList<Feedback>> Handle(ListFeedback request, CancellationToken cancellationToken) =>
        store.ListFeedbackAsync(request.Limit, cancellationToken);
}
