using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>
/// The PDF behind a signed link in a report's Slack message: no login, the token itself is the permission. A token that
/// was altered or has expired, or whose file is gone, is not found — the same answer for each, so none tells more.
/// </summary>
[AllowsAnonymous]
public sealed record DownloadSharedReport(string Token) : IRequest<ReportFile>;

public sealed class DownloadSharedReportHandler(IReportLinks links, IReportStore store, TimeProvider clock) : IRequestHandler<DownloadSharedReport, ReportFile>
{
    public async Task<ReportFile> Handle(DownloadSharedReport request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return links.Read(request.Token, now) is { } link && await store.SharedPdfAsync(link.TenantId, link.RunId, now, cancellationToken) is { } file
            ? file
            : throw new NotFoundException("Nothing exists at this path.");
    }
}
