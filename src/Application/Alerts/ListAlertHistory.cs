using System.Globalization;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>State changes, delivery attempts, mutes, acknowledgements and tests, newest first, filtered.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListAlertHistory(
    Guid? RuleId, Guid? ChannelId, string? Kind, string? State, DateTimeOffset? From, DateTimeOffset? To, int? Limit, string? Cursor)
    : IRequest<AlertHistoryPage>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public static readonly IReadOnlyList<string> Kinds = ["state", "delivery", "mute", "acknowledge", "test"];
}

public sealed class ListAlertHistoryValidator : AbstractValidator<ListAlertHistory>
{
    public ListAlertHistoryValidator()
    {
        RuleFor(r => r.Kind).Must(k => k is null || ListAlertHistory.Kinds.Contains(k))
            .WithMessage($"Kind must be one of {string.Join(", ", ListAlertHistory.Kinds)}.");
        RuleFor(r => r.State).Must(s => s is null || EnumCode.TryParse<AlertState>(s, out _))
            .WithMessage($"State must be one of {string.Join(", ", EnumCode.All<AlertState>())}.");
        RuleFor(r => r.Limit).InclusiveBetween(1, ListAlertHistory.MaxLimit);
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null).WithMessage("'to' must be after 'from'.");
        RuleFor(r => r.Cursor).Must(c => c is null || long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("Not a cursor this API gave out.");
    }
}

public sealed class ListAlertHistoryHandler(IAlertStore store) : IRequestHandler<ListAlertHistory, AlertHistoryPage>
{
    public async Task<AlertHistoryPage> Handle(ListAlertHistory request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? ListAlertHistory.DefaultLimit;
        long? before = request.Cursor is { } cursor ? long.Parse(cursor, CultureInfo.InvariantCulture) : null;
        var items = await store.HistoryAsync(new AlertHistoryFilter(request.RuleId, request.ChannelId, request.Kind, request.State, request.From,
            request.To, before, limit + 1), cancellationToken);
        return items.Count > limit
            ? new AlertHistoryPage(items.Take(limit).ToList(), items[limit - 1].Id.ToString(CultureInfo.InvariantCulture))
            : new AlertHistoryPage(items, null);
    }
}
