using Faultline.Application.Common.Exceptions;

namespace Faultline.Application.Alerts;

internal static class RuleChannels
{
    /// <summary>Every channel a rule names must be one of the tenant's (another tenant's id reads as unknown).</summary>
    public static async Task RequireKnownAsync(IAlertStore store, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        if (ids is not { Count: > 0 }) return;
        var known = (await store.ListChannelsAsync(cancellationToken)).Select(c => c.Id).ToHashSet();
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0) throw RequestValidationException.For("channelIds", $"No such channel: {string.Join(", ", unknown)}.");
    }
}
