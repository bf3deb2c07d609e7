namespace Faultline.Application.Common.Interfaces;

/// <summary>An e-mail: a plain-text body, optionally an HTML alternative and attachments (a report's files).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Queues e-mail in the same transaction as the change that causes it; a background dispatcher
/// sends it with retries, so a request never waits on (or leaks timing from) the mail server.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}

/// <summary>Delivers one message now; the outbox dispatcher's adapter (SMTP).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
