using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Runs;

/// <summary>Job runs, newest first, filtered, in keyset pages.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListJobs(RunFilter Filter, string? Cursor, int Limit = 50) : IRequest<Page<JobSummary>>;

public sealed class ListJobsValidator : AbstractValidator<ListJobs>
{
    public ListJobsValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, 500);
        RuleFor(r => r.Cursor).Must(RunPaging.IsValidCursor).WithMessage("Not a cursor from a previous page.");
        RuleFor(r => r.Filter).Must(RunPaging.IsValidFilter).WithMessage(RunPaging.FilterRule);
        RuleFor(r => r.Filter.Category).Must(RunPaging.IsValidCategory).WithMessage(RunPaging.CategoryRule).OverridePropertyName("category");
    }
}

public sealed class ListJobsHandler(IRunReader reader) : IRequestHandler<ListJobs, Page<JobSummary>>
{
    public async Task<Page<JobSummary>> Handle(ListJobs request, CancellationToken cancellationToken)
    {
        var rows = await reader.ListJobsAsync(request.Filter, RunPaging.After(request.Cursor), request.Limit + 1, cancellationToken);
        return RunPaging.Page(rows, request.Limit, job => (job.SortedAt, job.Id));
    }
}
