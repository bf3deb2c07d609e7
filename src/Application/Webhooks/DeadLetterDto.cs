using Faultline.Domain;

namespace Faultline.Application.Webhooks;

/// <summary>A delivery Faultline could not store. <see cref="HookName"/> is null once the hook was deleted.</summary>
public sealed record DeadLetterDto(
    Guid Id, Guid HookId, string? HookName, string Provider, string EventType, string? DeliveryId, IReadOnlyList<string> Reasons, int Attempts,
    DateTimeOffset ReceivedAt, DateTimeOffset LastAttemptAt)
{
    public static DeadLetterDto From(DeadLetterEntry entry, string? hookName) =>
        new(entry.Id, entry.HookId, hookName, EnumCode.Of(entry.Provider), entry.EventType, entry.DeliveryId, entry.Reasons, entry.Attempts,
            entry.ReceivedAt, entry.LastAttemptAt);
}

/// <summary>A dead letter with what the provider sent: the payload's JSON (decoded when it came form-encoded) and its headers.</summary>
public sealed record DeadLetterDetailDto(DeadLetterDto DeadLetter, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Payload);
