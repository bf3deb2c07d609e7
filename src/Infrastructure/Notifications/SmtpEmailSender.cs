using System.Net;
using System.Net.Mail;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Notifications;

/// <summary>Smtp:Host, Smtp:Port, Smtp:From, Smtp:EnableSsl, Smtp:Username, Smtp:Password.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, bool EnableSsl, string? Username, string? Password);

internal sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(settings.Username)) client.Credentials = new NetworkCredential(settings.Username, settings.Password);
        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.TextBody);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
