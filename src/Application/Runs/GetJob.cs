using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Runs;

[RequiresPermission(PermissionName.DataRead)]
public sealed record GetJob(long Id) : IRequest<JobDetail>;

public sealed class GetJobHandler(IRunReader reader) : IRequestHandler<GetJob, JobDetail>
{
    public async Task<JobDetail> Handle(GetJob request, CancellationToken cancellationToken) =>
        await reader.GetJobAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such job.");
}
