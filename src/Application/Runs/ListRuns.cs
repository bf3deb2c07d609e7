using Faultline.Application.Common.Paging;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Runs;

/// <summary>Pipeline runs, newest first, filtered, in keyset pages; the jobs-only filters (job, category) do not apply.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListRuns(RunFilter Filter, string? Cursor, int Limit = 50) : IRequest<Page<RunSummary>>;

public sealed class ListRunsValidator : AbstractValidator<ListRuns>
{
    public ListRunsValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, 500);
        RuleFor(r => r.Cursor).Must(RunPaging.IsValidCursor).WithMessage("Not a cursor from a previous page.");
        RuleFor(r => r.Filter).Must(RunPaging.IsValidFilter).WithMessage(RunPaging.FilterRule);
        RuleFor(r => r.Filter.Category).Must(RunPaging.IsValidCategory).WithMessage(RunPaging.CategoryRule).OverridePropertyName("category");
    }
}

public sealed class ListRunsHandler(IRunReader reader) : IRequestHandler<ListRuns, Page<RunSummary>>
{
    public async Task<Page<RunSummary>> Handle(ListRuns request, CancellationToken cancellationToken)
    {
        var rows = await reader.ListRunsAsync(request.Filter, RunPaging.After(request.Cursor), request.Limit + 1, cancellationToken);
        return RunPaging.Page(rows, request.Limit, run => (run.SortedAt, run.Id));
    }
}
