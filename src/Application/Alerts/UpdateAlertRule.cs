using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Replaces a rule's definition; when what it watches changed, its states start over.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record UpdateAlertRule(Guid Id, AlertRuleInput Rule) : IRequest<AlertRuleDto>;

public sealed class UpdateAlertRuleValidator : AbstractValidator<UpdateAlertRule>
{
    public UpdateAlertRuleValidator() => RuleFor(r => r.Rule).NotNull().SetValidator(new AlertRuleInputValidator()).OverridePropertyName("");
}

public sealed class UpdateAlertRuleHandler(IAlertStore store, TimeProvider clock, IAlertTrigger evaluations, ICurrentPrincipal principal)
    : IRequestHandler<UpdateAlertRule, AlertRuleDto>
{
    public async Task<AlertRuleDto> Handle(UpdateAlertRule request, CancellationToken cancellationToken)
    {
        var current = await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule.");
        await RuleChannels.RequireKnownAsync(store, request.Rule.ChannelIds, cancellationToken);
        var rule = request.Rule.ToRule(current.Rule.Id, current.Rule.CreatedAt, clock.GetUtcNow(), current.Rule.MutedUntil);
        var reset = current.Rule.WatchesDifferently(rule);
        await store.UpdateRuleAsync(rule, reset, cancellationToken);
        evaluations.RulesChanged(principal.RequireTenant());
        return AlertRuleDto.From((await store.FindRuleAsync(rule.Id, cancellationToken))!);
    }
}
