using Faultline.Domain.Reports;
using Faultline.Application.Common;
using Faultline.Application.Settings;
using Faultline.Application.Analytics;
using Faultline.Application.Common.Security;
using Faultline.Application.Dashboards;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>
/// A dashboard as a file, for the range and filters it is shown with (default range as the dashboard data's): a PDF on
/// A4 or Letter paper, or its widgets' data as CSV files in a zip. Times are printed in <see cref="TimeZone"/> (IANA; the organisation's zone by default).
/// </summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ExportDashboard(
    Guid Id, DateTimeOffset? From, DateTimeOffset? To, MetricFilters Filters, string? TimeZone, string? Paper, string? Orientation, ReportFormat Format)
    : IRequest<RenderedReport>;

public sealed class ExportDashboardValidator : AbstractValidator<ExportDashboard>
{
    public ExportDashboardValidator(TimeProvider clock)
    {
        TimeRangeRules.Apply(this, r => r.From ?? (r.To ?? clock.GetUtcNow()) - GetDashboardData.DefaultRange, r => r.To ?? clock.GetUtcNow(), _ => null);
        RuleFor(r => r.Filters).NotNull().SetValidator(new MetricFiltersValidator());
        RuleFor(r => r.TimeZone).Must(zone => zone is null || IanaTimeZone.Find(zone) is not null)
            .WithMessage("Not a known IANA time zone (such as 'Europe/Berlin' or 'UTC').").OverridePropertyName("tz");
        RuleFor(r => r.Paper).Must(paper => paper is null || EnumCode.TryParse<PaperSize>(paper, out _))
            .WithMessage($"Must be one of: {string.Join(", ", EnumCode.All<PaperSize>())}.");
        RuleFor(r => r.Orientation).Must(orientation => orientation is null || EnumCode.TryParse<PageOrientation>(orientation, out _))
            .WithMessage($"Must be one of: {string.Join(", ", EnumCode.All<PageOrientation>())}.");
    }
}

public sealed class ExportDashboardHandler(IDashboardReportRenderer renderer, ITenantSettingsStore settings, TimeProvider clock)
    : IRequestHandler<ExportDashboard, RenderedReport>
{
    public async Task<RenderedReport> Handle(ExportDashboard request, CancellationToken cancellationToken)
    {
        var to = request.To ?? clock.GetUtcNow();
        var from = request.From ?? to - GetDashboardData.DefaultRange;
        return await renderer.RenderAsync(new DashboardReportRequest(
            request.Id, from, to, request.Filters, request.TimeZone ?? (await settings.GetAsync(cancellationToken)).TimeZone,
            request.Paper is null ? PaperSize.A4 : EnumCode.Parse<PaperSize>(request.Paper),
            request.Orientation is null ? PageOrientation.Landscape : EnumCode.Parse<PageOrientation>(request.Orientation),
            request.Format), cancellationToken);
    }
}
