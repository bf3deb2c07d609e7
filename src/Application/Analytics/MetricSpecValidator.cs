using Faultline.Domain;
using Faultline.Domain.Analytics;
using Faultline.Domain.Classification;
using Faultline.Domain.Ingestion;
using FluentValidation;

namespace Faultline.Application.Analytics;

/// <summary>The rules of a metric spec, wherever one enters: the query API, dashboard widgets, alert rules.</summary>
public sealed class MetricSpecValidator : AbstractValidator<MetricSpec>
{
    public const int MaxFilterLength = 200;

    public MetricSpecValidator()
    {
        RuleFor(s => s.Metric).Must(code => MetricCatalog.Find(code) is not null)
            .WithMessage($"Metric must be one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}.");
        RuleFor(s => s.Bucket).Must(code => code is null || EnumCode.TryParse<TimeBucket>(code, out _))
            .WithMessage($"Bucket must be one of {string.Join(", ", EnumCode.All<TimeBucket>())}, or null for one value over the range.");
        RuleFor(s => s.Bucket).Null().When(s => MetricCatalog.Find(s.Metric)?.Shape == MetricShape.Table)
            .WithMessage("Table metrics have no time buckets.");
        RuleFor(s => s.Bucket).Null().When(s => MetricCatalog.Find(s.Metric) is { Shape: MetricShape.Series, Bucketed: false })
            .WithMessage(s => $"{s.Metric} is the state at the end of the range; it has no time buckets.");
        RuleFor(s => s.GroupBy).Must((spec, code) => code is null || GroupBys(spec).Contains(code))
            .WithMessage(spec => $"{spec.Metric} can be grouped by {Listed(GroupBys(spec))}.");
        RuleForEach(s => s.AlsoGroupBy).Must((spec, code) => GroupBys(spec).Contains(code))
            .WithMessage(spec => $"{spec.Metric} can be grouped by {Listed(GroupBys(spec))}.");
        RuleFor(s => s.AlsoGroupBy).Must((spec, also) => also is null || also.Count == 0 || spec.GroupBy is not null)
            .WithMessage("alsoGroupBy adds dimensions to groupBy; set groupBy first.");
        RuleFor(s => s.AlsoGroupBy).Must((spec, _) => spec.GroupDimensions().Distinct().Count() == spec.GroupDimensions().Count)
            .WithMessage("A dimension is grouped by once.");
        RuleFor(s => s.Top).InclusiveBetween(1, MetricSpec.MaxTop);
        RuleFor(s => s.Filters).SetValidator(new MetricFiltersValidator()!);
        When(s => s.Filters is not null && MetricCatalog.Find(s.Metric) is not null, () =>
        {
            foreach (var dimension in Enum.GetValues<Dimension>())
            {
                RuleFor(s => s.Filters!.Of(dimension))
                    .Must((spec, value) => string.IsNullOrWhiteSpace(value) || MetricCatalog.Find(spec.Metric)!.Filters.Contains(dimension))
                    .WithMessage(spec => $"{spec.Metric} cannot be filtered by {EnumCode.Of(dimension)}.")
                    .OverridePropertyName($"Filters.{EnumCode.Of(dimension)}");
            }
        });
    }

    private static List<string> GroupBys(MetricSpec spec) =>
        MetricCatalog.Find(spec.Metric)?.GroupBys.Select(EnumCode.Of).ToList() ?? [];

    private static string Listed(List<string> codes) => codes.Count == 0 ? "nothing" : string.Join(", ", codes);
}

/// <summary>The values of filters: known providers and categories, names of sensible length.</summary>
public sealed class MetricFiltersValidator : AbstractValidator<MetricFilters>
{
    public MetricFiltersValidator()
    {
        foreach (var dimension in Enum.GetValues<Dimension>())
            RuleFor(f => f.Of(dimension)).MaximumLength(MetricSpecValidator.MaxFilterLength).OverridePropertyName(EnumCode.Of(dimension));
        RuleFor(f => f.Provider).Must(p => string.IsNullOrWhiteSpace(p) || EnumCode.TryParse<Provider>(p.Trim(), out _))
            .WithMessage($"Provider must be one of {string.Join(", ", EnumCode.All<Provider>())}.");
        RuleFor(f => f.Category).Must(c => string.IsNullOrWhiteSpace(c) || FailureCategories.FilterValues.Contains(c.Trim()))
            .WithMessage($"Category must be one of {string.Join(", ", FailureCategories.FilterValues)}.");
    }
}

/// <summary>The rules of a query's time range.</summary>
public static class TimeRangeRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, DateTimeOffset> from, Func<T, DateTimeOffset> to, Func<T, string?> bucket)
    {
        validator.RuleFor(r => to(r)).Must((r, end) => end > from(r)).WithMessage("'to' must be after 'from'.").OverridePropertyName("to");
        validator.RuleFor(r => to(r)).Must((r, end) => end - from(r) <= MetricQuery.MaxRange)
            .WithMessage($"A range spans at most {MetricQuery.MaxRange.TotalDays} days.").OverridePropertyName("to");
        validator.RuleFor(r => to(r)).Must((r, end) => bucket(r) != "hour" || end - from(r) <= MetricQuery.MaxHourlyRange)
            .WithMessage($"Hourly buckets cover at most {MetricQuery.MaxHourlyRange.TotalDays} days; use day or week.").OverridePropertyName("to");
        validator.RuleFor(r => from(r)).Must(start => start.Year >= 2000 && start.Year <= 9000).WithMessage("'from' is not a plausible time.")
            .OverridePropertyName("from");
    }
}
