using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Reports;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>
/// The caller subscribes their own e-mail address to a report, or unsubscribes it. Anyone who may read the tenant's
/// data may: they receive what they can already see, and can add no one but themselves.
/// </summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ChangeReportSubscription(Guid Id, bool Subscribed) : IRequest<ReportScheduleDto>;

public sealed class ChangeReportSubscriptionHandler(IReportStore store, IUserRepository users, ICurrentPrincipal principal, TimeProvider clock)
    : IRequestHandler<ChangeReportSubscription, ReportScheduleDto>
{
    public async Task<ReportScheduleDto> Handle(ChangeReportSubscription request, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(principal.RequireUser(), cancellationToken) ?? throw new UnauthenticatedException();
        var email = user.Email.Value;
        var schedule = await store.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var listed = schedule.Recipients.Contains(email);
        if (request.Subscribed && !listed && schedule.Recipients.Count >= ReportSchedule.MaxRecipients)
            throw new ConflictException($"This report has {ReportSchedule.MaxRecipients} recipients, the most it may have.");
        if (!request.Subscribed && listed && schedule.Recipients.Count == 1)
            throw new ConflictException("You are this report's only recipient: pause or delete it instead.");
        if (listed != request.Subscribed && !await store.SetSubscriptionAsync(schedule.Id, email, request.Subscribed, clock.GetUtcNow(), cancellationToken))
            throw new NotFoundException("No such report.");
        return await ReportScheduleRead.OneAsync(store, schedule.Id, cancellationToken);
    }
}
