using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;
using FluentValidation;

namespace Faultline.Application.Alerts;

public sealed record ConditionInput(string? Kind, double? Threshold, double? Upper, double? RecoveryThreshold);

/// <summary>A rule as the API takes it (create, replace, preview): codes as text, everything checked by <see cref="AlertRuleInputValidator"/>.</summary>
public sealed record AlertRuleInput(
    string? Name,
    string? Description,
    bool? Enabled,
    MetricSpec? Query,
    ConditionInput? Condition,
    int? WindowMinutes,
    int? ForMinutes,
    string? Severity,
    string? NoDataState,
    string? ErrorState,
    int? RenotifyMinutes,
    IReadOnlyList<Guid>? ChannelIds)
{
    /// <summary>The rule this input describes; only once validated.</summary>
    public AlertRule ToRule(Guid id, DateTimeOffset createdAt, DateTimeOffset at, DateTimeOffset? mutedUntil) => new(
        id, Name!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Enabled ?? true,
        Query! with { Filters = (Query.Filters ?? MetricFilters.None).Normalised(), Top = Query.Top ?? MetricSpec.MaxTop },
        ToCondition(Condition!), WindowMinutes!.Value, ForMinutes ?? 0,
        EnumCode.Parse<AlertSeverity>(Severity ?? "warning"), EnumCode.Parse<NoDataHandling>(NoDataState ?? "no_data"),
        EnumCode.Parse<ErrorHandling>(ErrorState ?? "error"), RenotifyMinutes, ChannelIds?.Distinct().ToList() ?? [], mutedUntil, createdAt, at);

    public static AlertCondition ToCondition(ConditionInput input) =>
        new(EnumCode.Parse<ConditionKind>(input.Kind!), input.Threshold!.Value, input.Upper, input.RecoveryThreshold);
}

public sealed class AlertRuleInputValidator : AbstractValidator<AlertRuleInput>
{
    public AlertRuleInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(AlertRule.MaxNameLength);
        RuleFor(r => r.Description).MaximumLength(AlertRule.MaxDescriptionLength);
        RuleFor(r => r.Query).NotNull().SetValidator(new MetricSpecValidator()!);
        RuleFor(r => r.Query!.Metric).Must(code => MetricCatalog.Find(code)?.Shape == MetricShape.Series)
            .When(r => r.Query is not null && MetricCatalog.Find(r.Query.Metric) is not null)
            .WithMessage("Alerts watch series metrics; a table metric has no single value to compare.");
        RuleFor(r => r.Query!.Bucket).Null().When(r => r.Query is not null)
            .WithMessage("An alert compares one value per window; its query has no bucket.");
        RuleFor(r => r.Condition).NotNull().SetValidator(new ConditionInputValidator()!);
        RuleFor(r => r.WindowMinutes).NotNull().InclusiveBetween(1, AlertRule.MaxWindowMinutes);
        RuleFor(r => r.ForMinutes).InclusiveBetween(0, AlertRule.MaxForMinutes);
        RuleFor(r => r.Severity).Must(code => code is null || EnumCode.TryParse<AlertSeverity>(code, out _))
            .WithMessage($"Severity must be one of {string.Join(", ", EnumCode.All<AlertSeverity>())}.");
        RuleFor(r => r.NoDataState).Must(code => code is null || EnumCode.TryParse<NoDataHandling>(code, out _))
            .WithMessage($"noDataState must be one of {string.Join(", ", EnumCode.All<NoDataHandling>())}.");
        RuleFor(r => r.ErrorState).Must(code => code is null || EnumCode.TryParse<ErrorHandling>(code, out _))
            .WithMessage($"errorState must be one of {string.Join(", ", EnumCode.All<ErrorHandling>())}.");
        RuleFor(r => r.RenotifyMinutes).InclusiveBetween(AlertRule.MinRenotifyMinutes, AlertRule.MaxRenotifyMinutes);
        RuleFor(r => r.ChannelIds).Must(ids => ids is null || ids.Count <= AlertRule.MaxChannels)
            .WithMessage($"A rule notifies at most {AlertRule.MaxChannels} channels.");
    }
}

public sealed class ConditionInputValidator : AbstractValidator<ConditionInput>
{
    public ConditionInputValidator()
    {
        RuleFor(c => c.Kind).Must(code => EnumCode.TryParse<ConditionKind>(code, out _))
            .WithMessage($"Condition kind must be one of {string.Join(", ", EnumCode.All<ConditionKind>())}.");
        RuleFor(c => c.Threshold).NotNull();
        RuleFor(c => c)
            .Must(c => AlertRuleInput.ToCondition(c).Problem() is null)
            .WithMessage(c => AlertRuleInput.ToCondition(c).Problem()!)
            .OverridePropertyName("threshold")
            .When(c => EnumCode.TryParse<ConditionKind>(c.Kind, out _) && c.Threshold is not null);
    }
}
