using System.Globalization;
using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>Lenient reading of provider payloads: a missing field is null, a wrong shape a clear 400.</summary>
internal static class PayloadReader
{
    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
            if (current.ValueKind == JsonValueKind.Null) return null;
        }

        return current;
    }

    public static string? Text(this JsonElement element, params string[] path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static int? Number(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>ISO 8601, or GitLab's "2026-11-20 10:00:00 UTC".</summary>
    public static DateTimeOffset? Time(this JsonElement element, params string[] path) =>
        element.Text(path) is { } text && DateTimeOffset.TryParse(text.Replace(" UTC", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    public static JsonElement Require(this JsonElement element, string name) =>
        element.Get(name) ?? throw RequestValidationException.For(name, $"The payload has no '{name}'.");

    /// <summary>
    /// A provider's times for a run or job in the given status, never refused: one that has not started (queued,
    /// waiting, manual) has no start, one that has not finished no finish, and times its clocks disagree on are
    /// clamped (<see cref="PipelineTimes.Clamped"/>). An unknown status keeps them as sent: validation names it.
    /// </summary>
    public static PipelineTimes TimesFor(string? status, DateTimeOffset? queued, DateTimeOffset? started, DateTimeOffset? finished)
    {
        var canonical = PipelineStatuses.Normalize(status);
        return new PipelineTimes(queued, canonical?.HasStarted() == false ? null : started,
            canonical?.IsTerminal() == false ? null : finished).Clamped();
    }

    /// <summary>Whether a run or job in this provider status may name a runner: not while it waits for one.</summary>
    public static bool HasStarted(string? status) => PipelineStatuses.Normalize(status)?.HasStarted() != false;
}
