using Faultline.Application.Common;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>The next three due times of a cadence from now, for the schedule form's live preview; the time zone defaults to the tenant's.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record PreviewReportCadence(ReportCadenceInput Cadence, string? TimeZone) : IRequest<ReportNextRuns>
{
    public const int Count = 3;
}

public sealed class PreviewReportCadenceValidator : AbstractValidator<PreviewReportCadence>
{
    public PreviewReportCadenceValidator()
    {
        RuleFor(r => r.Cadence).NotNull().SetValidator(new ReportCadenceInputValidator()).OverridePropertyName("");
        RuleFor(r => r.TimeZone).Must(zone => zone is null || IanaTimeZone.Find(zone) is not null)
            .WithMessage("Time zone must be an IANA time zone such as Europe/Berlin.");
    }
}

public sealed class PreviewReportCadenceHandler(IReportStore store, TimeProvider clock) : IRequestHandler<PreviewReportCadence, ReportNextRuns>
{
    public async Task<ReportNextRuns> Handle(PreviewReportCadence request, CancellationToken cancellationToken)
    {
        var zone = request.TimeZone ?? await store.TenantTimeZoneAsync(cancellationToken);
        return new ReportNextRuns(zone,
            request.Cadence.ToCadence().Upcoming(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone), PreviewReportCadence.Count));
    }
}
