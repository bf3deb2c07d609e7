using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Alerts;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>Mutes a rule for a while (0 minutes unmutes): it keeps evaluating and recording, but tells nobody.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record MuteAlertRule(Guid Id, int? Minutes) : IRequest<AlertRuleDto>;

public sealed class MuteAlertRuleValidator : AbstractValidator<MuteAlertRule>
{
    public MuteAlertRuleValidator() => RuleFor(r => r.Minutes).NotNull().InclusiveBetween(0, AlertRule.MaxMuteMinutes);
}

public sealed class MuteAlertRuleHandler(IAlertStore store, ICurrentPrincipal principal, TimeProvider clock) : IRequestHandler<MuteAlertRule, AlertRuleDto>
{
    public async Task<AlertRuleDto> Handle(MuteAlertRule request, CancellationToken cancellationToken)
    {
        var status = await store.FindRuleAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such alert rule.");
        var now = clock.GetUtcNow();
        DateTimeOffset? until = request.Minutes > 0 ? now.AddMinutes(request.Minutes!.Value) : null;
        var entry = new AlertHistoryEntry(0, now, "mute", status.Rule.Id, status.Rule.Name, null, null, null, null, null, null, null, null, null,
            until is { } end ? $"Muted until {end:u}." : "Unmuted.", principal.RequireActor());
        await store.MuteAsync(status.Rule.Id, until, entry, cancellationToken);
        return AlertRuleDto.From((await store.FindRuleAsync(status.Rule.Id, cancellationToken))!);
    }
}
