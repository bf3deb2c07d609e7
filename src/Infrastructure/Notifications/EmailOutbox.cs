using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Persistence;

namespace Faultline.Infrastructure.Notifications;

/// <summary>Adds the message to the unit of work: it is stored with the change that caused it, or not at all.</summary>
internal sealed class EmailOutbox(CatalogDbContext db) : IEmailOutbox
{
    public void Enqueue(EmailMessage message) =>
        db.EmailOutbox.Add(new OutboxEmail(Guid.CreateVersion7(), message.To, message.Subject, message.TextBody));
}
