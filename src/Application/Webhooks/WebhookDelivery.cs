using System.Net;
using System.Text;
using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>
/// A provider's delivery as received, byte for byte: what a dead letter keeps, so that a replay processes
/// exactly what the provider sent. Headers are the provider's descriptive ones (event, delivery, hook,
/// user agent), never its secrets or signatures.
/// </summary>
public sealed record WebhookDelivery(
    Guid HookId, Provider Provider, string EventType, string? DeliveryId, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>GitHub's other content type setting: the JSON is the form field <c>payload</c>.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    private const string FormField = "payload";

    /// <summary>The delivery's JSON document; a 400 when the body is not JSON, or a form without its payload field.</summary>
    public JsonDocument ParsePayload()
    {
        try
        {
            return JsonDocument.Parse(JsonBytes());
        }
        catch (JsonException exception)
        {
            throw RequestValidationException.For(IsForm ? FormField : "body", $"The payload is not valid JSON: {exception.Message}");
        }
    }

    /// <summary>The JSON as text, for inspection: the body itself, or the decoded form field.</summary>
    public string PayloadText() => Encoding.UTF8.GetString(JsonBytes());

    private bool IsForm => ContentType?.Split(';')[0].Trim().Equals(FormContentType, StringComparison.OrdinalIgnoreCase) == true;

    private byte[] JsonBytes() => IsForm ? FormPayload() : Body;

    /// <summary>The url-decoded <c>payload</c> field; the signature was checked over the raw form body before this.</summary>
    private byte[] FormPayload()
    {
        foreach (var pair in Encoding.UTF8.GetString(Body).Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && WebUtility.UrlDecode(pair[..separator]) == FormField)
                return Encoding.UTF8.GetBytes(WebUtility.UrlDecode(pair[(separator + 1)..]));
        }

        throw RequestValidationException.For(FormField, $"A form-encoded delivery carries its JSON in the field '{FormField}'; this one has none.");
    }
}
