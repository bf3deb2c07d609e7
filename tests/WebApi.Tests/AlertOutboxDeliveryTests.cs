using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.Alerts;
using Npgsql;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The alert outbox with rows that go wrong: written straight into catalog.alert_outbox, as notifications
/// stored before input was checked (or by an older version) would be.
/// </summary>
public sealed class AlertOutboxDeliveryTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private HttpReceiver _receiver = null!;

    private RunningApi Api => fixture.Api;

    public async Task InitializeAsync() => _receiver = await HttpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<(ApiSession Owner, Guid TenantId)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("outbox"));
        var key = (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString()!;
        return (owner, await Api.Database.ScalarAsync<Guid>($"SELECT id FROM catalog.tenants WHERE key = '{key}'"));
    }

    private static async Task<Guid> ChannelAsync(ApiSession owner, string kind, string? url = null, string[]? recipients = null)
    {
        var response = await owner.PostAsync("/api/v1/alerts/channels", new { name = $"{kind} channel", kind, url, recipients });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static AlertNotification Firing(string ruleName, string? group) => new(Guid.NewGuid(), "alert.firing", Guid.NewGuid(), ruleName, "critical",
        "firing", 0.5, "> 50%", "Failure rate", DateTimeOffset.UtcNow, "http://faultline.test/alerts", null,
        [new AlertGroupNotification(group, "pending", 0.8, "80%", [0.2, 0.8], null, null, null, null)]);

    /// <summary>Due rows for the channels, in this order, in one statement (so one batch claims them together).</summary>
    private async Task EnqueueAsync(Guid tenant, int attempts, params (Guid Channel, AlertNotification Notification)[] rows)
    {
        await using var source = Api.Database.CreateDataSource();
        await using var command = source.CreateCommand("""
            INSERT INTO catalog.alert_outbox (id, tenant_id, rule_id, channel_id, notification, created_at, attempts, next_attempt_at)
            SELECT gen_random_uuid(), $1, (notification->>'ruleId')::uuid, channel, notification, now(), $2, now() - interval '1 minute' + n * interval '1 ms'
            FROM unnest($3::uuid[], $4::jsonb[]) WITH ORDINALITY AS d (channel, notification, n)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Channel).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => JsonSerializer.Serialize(r.Notification, Json)).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(ApiSession owner, Guid channel) =>
        (await owner.JsonAsync($"/api/v1/alerts/history?kind=delivery&channelId={channel}")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_rule_name_or_group_with_line_breaks_is_mailed_on_one_subject_line_and_the_rest_of_the_batch_is_delivered()
    {
        var (owner, tenant) = await TenantAsync();
        var recipient = Emails.New("oncall");
        var mail = await ChannelAsync(owner, "email", recipients: [recipient]);
        var hook = await ChannelAsync(owner, "webhook", _receiver.Url("/after-the-mail"));

        await EnqueueAsync(tenant, 0, (mail, Firing("Deploys\r\nBcc: evil@example.test", "main\nsecond line")), (hook, Firing("Deploys", null)));

        await RunningApi.WaitForAsync(async () => (await DeliveriesAsync(owner, mail)).Count == 1 && (await DeliveriesAsync(owner, hook)).Count == 1);
        Assert.Equal("sent", (await DeliveriesAsync(owner, mail)).Single().GetProperty("outcome").GetString());
        Assert.Equal("sent", (await DeliveriesAsync(owner, hook)).Single().GetProperty("outcome").GetString());
        var email = await Api.Mail.WaitForAsync(recipient, "Deploys");
        Assert.Equal("[FIRING · critical] Deploys Bcc: evil@example.test — main second line", email.Subject);
        Assert.DoesNotContain(Api.Mail.Messages(), m => m.To.Contains("evil", StringComparison.Ordinal));
        Assert.Single(_receiver.To("/after-the-mail"));
    }

    [Fact]
    public async Task A_delivery_whose_attempts_are_spent_is_given_up_without_sending_it_again()
    {
        var (owner, tenant) = await TenantAsync();
        var hook = await ChannelAsync(owner, "webhook", _receiver.Url("/spent"));

        // The test API allows 3 attempts; 3 were claimed but never recorded (the sender stopped mid-delivery).
        await EnqueueAsync(tenant, 3, (hook, Firing("Spent", null)));

        await RunningApi.WaitForAsync(async () => (await DeliveriesAsync(owner, hook)).Count == 1);
        var delivery = (await DeliveriesAsync(owner, hook)).Single();
        Assert.Equal("gave_up", delivery.GetProperty("outcome").GetString());
        Assert.Equal(4, delivery.GetProperty("attempt").GetInt32());
        Assert.Empty(_receiver.To("/spent"));
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_outbox WHERE channel_id = '{hook}' AND done_at IS NULL"));
    }

    [Fact]
    public async Task Done_deliveries_leave_the_outbox_after_the_retention_period()
    {
        var (owner, tenant) = await TenantAsync();
        var hook = await ChannelAsync(owner, "webhook", _receiver.Url("/done"));
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(2L, await Api.Database.ScalarAsync<long>($"""
            WITH i AS (INSERT INTO catalog.alert_outbox (id, tenant_id, rule_id, channel_id, notification, created_at, next_attempt_at, done_at)
                       VALUES ('{old}', '{tenant}', gen_random_uuid(), '{hook}', 'null', now(), now(), now() - interval '8 days'),
                              ('{recent}', '{tenant}', gen_random_uuid(), '{hook}', 'null', now(), now(), now() - interval '6 days')
                       RETURNING 1)
            SELECT count(*) FROM i
            """));

        // The evaluation ticks (every 2 s here) prune the outbox.
        await RunningApi.WaitForAsync(async () => await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_outbox WHERE id = '{old}'") == 0);
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_outbox WHERE id = '{recent}'"));
    }
}
