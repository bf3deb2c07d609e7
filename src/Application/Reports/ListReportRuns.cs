using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>A schedule's latest runs, newest first.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListReportRuns(Guid Id, int? Limit) : IRequest<IReadOnlyList<ReportRunDto>>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

public sealed class ListReportRunsValidator : AbstractValidator<ListReportRuns>
{
    public ListReportRunsValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, ListReportRuns.MaxLimit);
}

public sealed class ListReportRunsHandler(IReportStore store) : IRequestHandler<ListReportRuns, IReadOnlyList<ReportRunDto>>
{
    public async Task<IReadOnlyList<ReportRunDto>> Handle(ListReportRuns request, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(request.Id, cancellationToken) is null) throw new NotFoundException("No such report.");
        return await store.RunsAsync(request.Id, request.Limit ?? ListReportRuns.DefaultLimit, cancellationToken);
    }
}
