using System.Text.Json;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Notifications;

/// <summary>The attachments column of catalog.email_outbox: a JSON array of {fileName, contentType, content (base64)}.</summary>
internal static class OutboxAttachments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<EmailAttachment> attachments) => JsonSerializer.Serialize(attachments, Json);

    public static IReadOnlyList<EmailAttachment> Read(string json) => JsonSerializer.Deserialize<List<EmailAttachment>>(json, Json)!;
}
