using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>The tenant's channels with how their deliveries have gone lately.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListAlertChannels : IRequest<IReadOnlyList<AlertChannelDto>>;

public sealed class ListAlertChannelsHandler(IAlertStore store, TimeProvider clock) : IRequestHandler<ListAlertChannels, IReadOnlyList<AlertChannelDto>>
{
    public async Task<IReadOnlyList<AlertChannelDto>> Handle(ListAlertChannels request, CancellationToken cancellationToken)
    {
        var health = await store.ChannelHealthAsync(clock.GetUtcNow(), cancellationToken);
        return (await store.ListChannelsAsync(cancellationToken)).Select(c => AlertChannelDto.From(c, health.GetValueOrDefault(c.Id))).ToList();
    }
}
