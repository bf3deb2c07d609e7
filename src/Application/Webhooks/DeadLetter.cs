using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>A delivery Faultline could not store, as listed: everything but its body.</summary>
public sealed record DeadLetterEntry(
    Guid Id, Guid HookId, Provider Provider, string EventType, string? DeliveryId, IReadOnlyList<string> Reasons, int Attempts,
    DateTimeOffset ReceivedAt, DateTimeOffset LastAttemptAt)
{
    /// <summary>How the audit log names it.</summary>
    public string Describe() => $"{Domain.EnumCode.Of(Provider)} {EventType} delivery {DeliveryId ?? Id.ToString()}";
}

/// <summary>A dead letter with the delivery it keeps, for inspection and replay.</summary>
public sealed record DeadLetter(DeadLetterEntry Entry, WebhookDelivery Delivery);
