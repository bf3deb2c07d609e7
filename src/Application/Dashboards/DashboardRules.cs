using System.Text.RegularExpressions;
using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using FluentValidation;

namespace Faultline.Application.Dashboards;

/// <summary>The rules of a dashboard's name, description and widgets, shared by create and update.</summary>
public static partial class DashboardRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string?> name, Func<T, string?> description, Func<T, IReadOnlyList<Widget>?> widgets)
    {
        validator.RuleFor(r => name(r)).NotEmpty().MaximumLength(Dashboard.MaxNameLength).OverridePropertyName("name");
        validator.RuleFor(r => description(r)).MaximumLength(Dashboard.MaxDescriptionLength).OverridePropertyName("description");
        validator.RuleFor(r => widgets(r)).Must(w => w is null || w.Count <= Dashboard.MaxWidgets)
            .WithMessage($"A dashboard holds at most {Dashboard.MaxWidgets} widgets.").OverridePropertyName("widgets");
        validator.RuleFor(r => widgets(r)).Must(w => w is null || w.Where(x => x is not null).Select(x => x.Id).Distinct().Count() == w.Count)
            .WithMessage("Widget ids must be unique and present.").OverridePropertyName("widgets");
        validator.RuleForEach(r => widgets(r)).NotNull().SetValidator(new WidgetValidator()).OverridePropertyName("widgets");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.NonBacktracking)]
    private static partial Regex WidgetIdPattern();

    private sealed class WidgetValidator : AbstractValidator<Widget>
    {
        public WidgetValidator()
        {
            RuleFor(w => w.Id).NotEmpty().MaximumLength(Widget.MaxIdLength).Matches(WidgetIdPattern())
                .WithMessage("A widget id is 1–40 letters, digits, '-' or '_'.");
            RuleFor(w => w.Title).NotEmpty().MaximumLength(Widget.MaxTitleLength);
            RuleFor(w => w.Chart).Must(c => EnumCode.TryParse<ChartType>(c, out _))
                .WithMessage($"Chart must be one of {string.Join(", ", EnumCode.All<ChartType>())}.");
            RuleFor(w => w.Query).NotNull().SetValidator(new MetricSpecValidator());
            RuleFor(w => w.Chart).Must((w, chart) => (chart == "table") == (MetricCatalog.Find(w.Query?.Metric)?.Shape == MetricShape.Table))
                .When(w => MetricCatalog.Find(w.Query?.Metric) is not null)
                .WithMessage("Table metrics show as a table, and only they do.");
            RuleFor(w => w.Layout).NotNull().Must(l => l is null || l.FitsTheGrid)
                .WithMessage($"Layout must fit the {WidgetLayout.Columns}-column grid: "
                    + $"x ≥ 0, w ≥ 1, x + w ≤ {WidgetLayout.Columns}, y ≥ 0, h 1–{WidgetLayout.MaxHeight}.");
        }
    }
}
