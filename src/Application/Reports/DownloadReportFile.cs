using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>A run's stored file ("pdf" or "csv") while it is kept (the retention period).</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record DownloadReportFile(Guid RunId, string Kind) : IRequest<ReportFile>;

public sealed class DownloadReportFileHandler(IReportStore store, TimeProvider clock) : IRequestHandler<DownloadReportFile, ReportFile>
{
    public async Task<ReportFile> Handle(DownloadReportFile request, CancellationToken cancellationToken) =>
        request.Kind is "pdf" or "csv" && await store.FileAsync(request.RunId, request.Kind, clock.GetUtcNow(), cancellationToken) is { } file
            ? file
            : throw new NotFoundException("No such file: the run sent none, or it is past the retention period.");
}
