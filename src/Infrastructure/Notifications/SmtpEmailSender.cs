using Faultline.Application.Common.Interfaces;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Faultline.Infrastructure.Notifications;

/// <summary>Smtp:Host, Smtp:Port, Smtp:From, Smtp:EnableSsl, Smtp:Username, Smtp:Password.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, bool EnableSsl, string? Username, string? Password);

/// <summary>
/// Sends e-mail (plain text, with an HTML alternative and attachments when given) with MailKit, one connection per message. EnableSsl means TLS from the
/// first byte on port 465 and STARTTLS (required, never skipped) elsewhere. Header values are one line:
/// a rule name or group with line breaks cannot add headers (or fail the message).
/// </summary>
internal sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    private const int TimeoutMs = 15_000;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.AddRange(InternetAddressList.Parse(OneLineText.Of(message.To)));
        mail.Subject = OneLineText.Of(message.Subject);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
            body.Attachments.Add(OneLineText.Of(attachment.FileName), attachment.Content, ContentType.Parse(attachment.ContentType));
        mail.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = TimeoutMs };
        var security = !settings.EnableSsl ? SecureSocketOptions.None
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
