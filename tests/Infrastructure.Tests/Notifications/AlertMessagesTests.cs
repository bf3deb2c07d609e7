using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Infrastructure.Notifications;

namespace Faultline.Infrastructure.Tests.Notifications;

public sealed class AlertMessagesTests
{
    private static AlertNotification Notification(string ruleName) => new(Guid.NewGuid(), "alert.firing", Guid.NewGuid(), ruleName, "critical", "build",
        "firing", "pending", 0.31, "31%", 0.2, "> 20%", "Failure rate", [0.1, 0.2, 0.31], DateTimeOffset.UnixEpoch, "https://faultline.test/alerts/rules/1",
        null);

    [Fact]
    public void Slack_messages_carry_value_condition_trend_and_link()
    {
        var message = JsonDocument.Parse(AlertMessages.Slack(Notification("Failure rate on main"))).RootElement;
        Assert.Equal("[FIRING · critical] Failure rate on main — build: 31% (&gt; 20%)", message.GetProperty("text").GetString());
        var texts = Texts(message.GetProperty("blocks")).ToList();
        Assert.Contains("*Trend*\n`▁▄█`", texts);
        Assert.Contains("*Alert when*\n&gt; 20%", texts);
        Assert.Contains("<https://faultline.test/alerts/rules/1|Open in Faultline>", texts);
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Texts(p.Value)),
        _ => [],
    };

    [Fact]
    public void Text_people_typed_cannot_mention_a_whole_slack_channel()
    {
        var text = JsonDocument.Parse(AlertMessages.Slack(Notification("<!channel> & friends"))).RootElement.GetProperty("text").GetString();
        Assert.StartsWith("[FIRING · critical] &lt;!channel&gt; &amp; friends", text);
    }

    [Fact]
    public void E_mails_are_plain_text_with_the_same_facts()
    {
        var body = AlertMessages.PlainText(Notification("Failure rate on main"));
        Assert.Contains("Failure rate: 31% (alert when > 20%)", body);
        Assert.Contains("State: pending → firing", body);
        Assert.Contains("Open in Faultline: https://faultline.test/alerts/rules/1", body);
    }
}
