using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Alerts;

namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// Sends one alert notification to one channel: a Slack incoming-webhook message, a plain-text
/// e-mail through the SMTP adapter, or a JSON POST signed with HMAC-SHA256 over "timestamp.body".
/// Every connection goes through the target guard; redirects are not followed (they could lead
/// inside). Network errors, timeouts, 408, 429 and 5xx are worth retrying; other answers are not.
/// Only the first few KB of an answer are read (all the outcome shows), and every failure is an
/// outcome, never an exception: a delivery that throws would never be recorded.
/// </summary>
internal sealed class AlertChannelSender : IAlertChannelSender, IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly IEmailSender _email;
    private readonly TimeProvider _clock;

    public AlertChannelSender(DeliveryTargetGuard guard, IEmailSender email, TimeProvider clock)
    {
        _email = email;
        _clock = clock;
        _http = new HttpClient(GuardedHttpHandler.Create(guard)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Faultline-Alerts/1.0");
    }

    public Task<DeliveryResult> SendAsync(AlertChannel channel, AlertNotification notification, CancellationToken cancellationToken) =>
        OutcomeAsync(channel, channel.Kind switch
        {
            ChannelKind.Slack => () => PostAsync(channel.Url!, AlertMessages.Slack(notification), null, expectSlackOk: true, cancellationToken),
            ChannelKind.Webhook => () => PostAsync(channel.Url!, JsonSerializer.Serialize(WebhookPayload.Of(notification), Json), channel.Secret,
                expectSlackOk: false, cancellationToken),
            _ => () => MailAsync(channel, AlertMessages.Title(notification), AlertMessages.PlainText(notification), cancellationToken),
        }, cancellationToken);

    public Task<DeliveryResult> SendAsync(AlertChannel channel, ChannelMessage message, CancellationToken cancellationToken) =>
        OutcomeAsync(channel, channel.Kind switch
        {
            ChannelKind.Slack => () => PostAsync(channel.Url!, AlertMessages.Slack(message), null, expectSlackOk: true, cancellationToken),
            ChannelKind.Webhook => () => PostAsync(channel.Url!, JsonSerializer.Serialize(message, Json), channel.Secret, expectSlackOk: false, cancellationToken),
            _ => () => MailAsync(channel, message.Title, AlertMessages.PlainText(message), cancellationToken),
        }, cancellationToken);

    private static async Task<DeliveryResult> OutcomeAsync(AlertChannel channel, Func<Task<DeliveryResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException exception) when (exception.InnerException is ForbiddenTargetException forbidden)
        {
            return new DeliveryResult(false, null, forbidden.Message, Retryable: false);
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryResult(false, null, $"Could not connect: {exception.Message}", Retryable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, null, $"No answer within {Timeout.TotalSeconds:0} s.", Retryable: true);
        }
        catch (Exception exception) when (channel.Kind == ChannelKind.Email && exception is MailKit.CommandException or MailKit.ProtocolException
            or MailKit.Security.AuthenticationException or IOException or SocketException)
        {
            return new DeliveryResult(false, null, $"The mail server refused: {exception.Message}", Retryable: true);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A recipient the mail library cannot parse, or a bug: recorded like any failure, and the retry budget bounds it.
            return new DeliveryResult(false, null, $"Could not send: {exception.Message}", Retryable: true);
        }
    }

    private async Task<DeliveryResult> PostAsync(string url, string body, string? secret, bool expectSlackOk, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("Faultline-Timestamp", timestamp);
            request.Headers.Add("Faultline-Signature", "v1=" + Signature(secret, timestamp, body));
        }

        // One deadline for the answer's headers and the part of its body read, so a receiver that trickles gets nowhere either.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        var answer = await HttpAnswer.StartOfAsync(response.Content, deadline.Token);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var retryable = status is 408 or 429 || status >= 500;
            return new DeliveryResult(false, status, $"HTTP {status}{(answer.Length > 0 ? ": " + HttpAnswer.Snippet(answer) : "")}", retryable);
        }

        if (expectSlackOk && answer.Trim() != "ok")
            return new DeliveryResult(false, status, $"Slack answered '{HttpAnswer.Snippet(answer)}' instead of 'ok'; is this a Slack incoming-webhook URL?", false);
        return new DeliveryResult(true, status, null, false);
    }

    private async Task<DeliveryResult> MailAsync(AlertChannel channel, string subject, string text, CancellationToken cancellationToken)
    {
        await _email.SendAsync(new EmailMessage(string.Join(",", channel.Recipients), subject, text), cancellationToken);
        return DeliveryResult.Sent;
    }

    /// <summary>Hex HMAC-SHA256 of "timestamp.body" with the channel's secret (docs/alerts.md tells receivers how to check it).</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public void Dispose() => _http.Dispose();
}
