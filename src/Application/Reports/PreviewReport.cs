using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Renders a report as it would be sent now ("pdf" or "csv_zip"), without sending or storing it.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record PreviewReport(Guid Id, [property: EnumCodes<ReportFormat>] string? Format) : IRequest<ReportFile>;

public sealed class PreviewReportValidator : AbstractValidator<PreviewReport>
{
    public PreviewReportValidator() => RuleFor(r => r.Format).Must(code => code is null || EnumCode.TryParse<ReportFormat>(code, out _))
        .WithMessage($"Format must be one of {string.Join(", ", EnumCode.All<ReportFormat>())}.");
}

public sealed class PreviewReportHandler(IReportStore store, ReportRunner runner) : IRequestHandler<PreviewReport, ReportFile>
{
    public async Task<ReportFile> Handle(PreviewReport request, CancellationToken cancellationToken)
    {
        var schedule = await store.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var rendered = await runner.PreviewAsync(schedule, request.Format is null ? ReportFormat.Pdf : EnumCode.Parse<ReportFormat>(request.Format), cancellationToken);
        return new ReportFile(rendered.FileName, rendered.ContentType, rendered.Content);
    }
}
