using Faultline.Application.Common;
using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Accounts;
using Faultline.Domain.Analytics;
using Faultline.Domain.Reports;
using FluentValidation;

namespace Faultline.Application.Reports;

/// <summary>When a report runs: "daily" at a time ("HH:mm"), "weekly" on a weekday ("monday"…), "monthly" on a day (1–31; past a month's end, its last day).</summary>
public sealed record ReportCadenceInput(
    [property: EnumCodes<ReportFrequency>] string? Frequency, string? Time, [property: EnumCodes<DayOfWeek>] string? Weekday = null, int? DayOfMonth = null)
{
    public ReportCadence ToCadence() => new(EnumCode.Parse<ReportFrequency>(Frequency!), ParseTime(Time)!.Value,
        Frequency == "weekly" ? EnumCode.Parse<DayOfWeek>(Weekday!) : null, Frequency == "monthly" ? DayOfMonth : null);

    public static TimeOnly? ParseTime(string? time) =>
        TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
}

/// <summary>
/// A report schedule as a client writes it. The time zone defaults to the tenant's (settings); filters narrow every
/// widget they apply to, as on the dashboard; the Slack channel is an alert channel of kind slack. IncludeChanges
/// (default false) makes it a digest: it adds what changed against the previous period. Paper (a4, letter) and
/// Orientation (landscape, portrait) lay out the PDF, A4 landscape by default.
/// </summary>
public sealed record ReportScheduleInput(
    string? Name, Guid? DashboardId, [property: EnumCodes<ReportRange>] string? Range, MetricFilters? Filters, IReadOnlyList<string>? Recipients,
    Guid? SlackChannelId, ReportCadenceInput? Cadence, string? TimeZone, [property: EnumCodes<ReportDeliveryFormat>] string? Format,
    bool? IncludeChanges = null, [property: EnumCodes<PaperSize>] string? Paper = null, [property: EnumCodes<PageOrientation>] string? Orientation = null)
{
    public ReportSchedule ToSchedule(Guid id, string timeZone, bool paused, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var cadence = Cadence!.ToCadence();
        return new ReportSchedule(id, Name!.Trim(), DashboardId!.Value, EnumCode.Parse<ReportRange>(Range!), (Filters ?? MetricFilters.None).Normalised(),
            Recipients!.Select(r => EmailAddress.Parse(r).Value).Distinct().ToList(), SlackChannelId, cadence, timeZone,
            EnumCode.Parse<ReportDeliveryFormat>(Format ?? "pdf"), IncludeChanges ?? false,
            Paper is null ? PaperSize.A4 : EnumCode.Parse<PaperSize>(Paper),
            Orientation is null ? PageOrientation.Landscape : EnumCode.Parse<PageOrientation>(Orientation), paused,
            cadence.NextAfter(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)), createdAt, now);
    }
}

public sealed class ReportCadenceInputValidator : AbstractValidator<ReportCadenceInput>
{
    public ReportCadenceInputValidator()
    {
        RuleFor(c => c.Frequency).Must(code => EnumCode.TryParse<ReportFrequency>(code, out _))
            .WithMessage($"Frequency must be one of {string.Join(", ", EnumCode.All<ReportFrequency>())}.");
        RuleFor(c => c.Time).Must(time => ReportCadenceInput.ParseTime(time) is not null).WithMessage("Time must be a local time as HH:mm (00:00–23:59).");
        When(c => c.Frequency == "weekly", () => RuleFor(c => c.Weekday).Must(code => EnumCode.TryParse<DayOfWeek>(code, out _))
            .WithMessage($"A weekly report needs a weekday: one of {string.Join(", ", EnumCode.All<DayOfWeek>())}."));
        When(c => c.Frequency != "weekly", () => RuleFor(c => c.Weekday).Null().WithMessage("Only weekly reports have a weekday."));
        When(c => c.Frequency == "monthly", () => RuleFor(c => c.DayOfMonth).NotNull().InclusiveBetween(1, ReportCadence.MaxDayOfMonth)
            .WithMessage($"A monthly report needs a day of the month from 1 to {ReportCadence.MaxDayOfMonth} (past a month's end: its last day)."));
        When(c => c.Frequency != "monthly", () => RuleFor(c => c.DayOfMonth).Null().WithMessage("Only monthly reports have a day of the month."));
    }
}

public sealed class ReportScheduleInputValidator : AbstractValidator<ReportScheduleInput>
{
    public ReportScheduleInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(ReportSchedule.MaxNameLength);
        RuleFor(r => r.DashboardId).NotNull();
        RuleFor(r => r.Range).Must(code => EnumCode.TryParse<ReportRange>(code, out _))
            .WithMessage($"Range must be one of {string.Join(", ", EnumCode.All<ReportRange>())}.");
        RuleFor(r => r.Filters).SetValidator(new MetricFiltersValidator()!);
        RuleFor(r => r.Recipients).Must(list => list is { Count: >= 1 and <= ReportSchedule.MaxRecipients })
            .WithMessage($"Between 1 and {ReportSchedule.MaxRecipients} e-mail recipients.");
        RuleForEach(r => r.Recipients).Must(EmailAddress.IsValid).WithMessage("'{PropertyValue}' is not an e-mail address.");
        RuleFor(r => r.Cadence).NotNull().SetValidator(new ReportCadenceInputValidator()!);
        RuleFor(r => r.TimeZone).Must(zone => zone is null || IanaTimeZone.Find(zone) is not null)
            .WithMessage("Time zone must be an IANA time zone such as Europe/Berlin.");
        RuleFor(r => r.Format).Must(code => code is null || EnumCode.TryParse<ReportDeliveryFormat>(code, out _))
            .WithMessage($"Format must be one of {string.Join(", ", EnumCode.All<ReportDeliveryFormat>())}.");
        RuleFor(r => r.Paper).Must(code => code is null || EnumCode.TryParse<PaperSize>(code, out _))
            .WithMessage($"Paper must be one of {string.Join(", ", EnumCode.All<PaperSize>())}.");
        RuleFor(r => r.Orientation).Must(code => code is null || EnumCode.TryParse<PageOrientation>(code, out _))
            .WithMessage($"Orientation must be one of {string.Join(", ", EnumCode.All<PageOrientation>())}.");
    }
}
