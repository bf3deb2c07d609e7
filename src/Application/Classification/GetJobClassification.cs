using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>Why a job failed, as stored: category, confidence, key lines, and every model's answer.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record GetJobClassification(long JobId) : IRequest<JobClassification>;

public sealed class GetJobClassificationHandler(IClassificationStore store) : IRequestHandler<GetJobClassification, JobClassification>
{
    public async Task<JobClassification> Handle(GetJobClassification request, CancellationToken cancellationToken) =>
        await store.GetClassificationAsync(request.JobId, cancellationToken)
        ?? throw new NotFoundException($"Job {request.JobId} has no classification (it did not fail, has no log, or is still queued).");
}
