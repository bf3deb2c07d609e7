namespace Faultline.Infrastructure.Notifications;

/// <summary>A row of catalog.email_outbox: an e-mail waiting to be sent, or its outcome.</summary>
internal sealed class OutboxEmail(Guid id, string recipient, string subject, string textBody)
{
    public Guid Id { get; private set; } = id;
    public string Recipient { get; private set; } = recipient;
    public string Subject { get; private set; } = subject;
    public string TextBody { get; private set; } = textBody;
    public DateTimeOffset CreatedAt { get; private set; } = DateTimeOffset.UtcNow;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }
}
