using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

[RequiresPermission(PermissionName.AlertsManage)]
public sealed record CreateAlertRule(AlertRuleInput Rule) : IRequest<AlertRuleDto>;

public sealed class CreateAlertRuleValidator : AbstractValidator<CreateAlertRule>
{
    public CreateAlertRuleValidator() => RuleFor(r => r.Rule).NotNull().SetValidator(new AlertRuleInputValidator()).OverridePropertyName("");
}

public sealed class CreateAlertRuleHandler(IAlertStore store, TimeProvider clock, IAlertTrigger evaluations, ICurrentPrincipal principal)
    : IRequestHandler<CreateAlertRule, AlertRuleDto>
{
    public async Task<AlertRuleDto> Handle(CreateAlertRule request, CancellationToken cancellationToken)
    {
        await RuleChannels.RequireKnownAsync(store, request.Rule.ChannelIds, cancellationToken);
        var now = clock.GetUtcNow();
        var rule = request.Rule.ToRule(Guid.CreateVersion7(), now, now, mutedUntil: null);
        await store.AddRuleAsync(rule, cancellationToken);
        evaluations.RulesChanged(principal.RequireTenant());
        // As stored (PostgreSQL keeps microseconds), so what the answer says is what a later read says.
        return AlertRuleDto.From((await store.FindRuleAsync(rule.Id, cancellationToken))!);
    }
}
