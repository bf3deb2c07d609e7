using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Application.Runs;
using MediatR;

namespace Faultline.Application.Ingestion;

/// <summary>Stores a job's log (plain or gzip), compressed; replaces an earlier one.</summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record UploadJobLog(long JobId, Stream Body, bool Gzip) : IRequest<UploadedLog>;

public sealed record UploadedLog(long JobId, long OriginalBytes, long StoredBytes, bool Truncated);

public sealed class UploadJobLogHandler(IJobLogStore logs, JobLogWriter writer) : IRequestHandler<UploadJobLog, UploadedLog>
{
    public async Task<UploadedLog> Handle(UploadJobLog request, CancellationToken cancellationToken)
    {
        // Checked first, so a 20 MB body for a job that is not there is not read at all.
        if (!await logs.JobExistsAsync(request.JobId, cancellationToken)) throw new NotFoundException("No such job.");
        return await writer.SaveAsync(request.JobId, request.Body, request.Gzip, cancellationToken);
    }
}
