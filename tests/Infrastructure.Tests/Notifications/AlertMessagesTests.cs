using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Infrastructure.Notifications;

namespace Faultline.Infrastructure.Tests.Notifications;

public sealed class AlertMessagesTests
{
    private static AlertNotification Notification(string ruleName, params AlertGroupNotification[] groups) => new(Guid.NewGuid(), "alert.firing",
        Guid.NewGuid(), ruleName, "critical", "firing", 0.2, "> 20%", "Failure rate", DateTimeOffset.UnixEpoch, "https://faultline.test/alerts/rules/1", null,
        groups.Length > 0 ? groups : [Group("build")]);

    private static AlertGroupNotification Group(string name, string? repository = null, string? pipeline = null) =>
        new(name, "pending", 0.31, "31%", [0.1, 0.2, 0.31], repository, pipeline, repository is null ? null : "main",
            new AlertLink("Latest failing run", "https://faultline.test/runs/7"));

    [Fact]
    public void Slack_messages_carry_value_condition_trend_and_link()
    {
        var message = JsonDocument.Parse(AlertMessages.Slack(Notification("Failure rate on main"))).RootElement;
        Assert.Equal("[FIRING · critical] Failure rate on main — build: 31% (&gt; 20%)", message.GetProperty("text").GetString());
        var texts = Texts(message.GetProperty("blocks")).ToList();
        Assert.Contains("*Trend*\n`▁▄█`", texts);
        Assert.Contains("*Alert when*\n&gt; 20%", texts);
        Assert.Contains("<https://faultline.test/alerts/rules/1|Open in Faultline>", texts);
        Assert.Contains("<https://faultline.test/runs/7|Latest failing run>", texts);
    }

    [Fact]
    public void A_message_about_several_groups_lists_each_with_what_broke_once()
    {
        var n = Notification("Default branch broken", Group("acme/api\u001fCI", "acme/api", "CI"), Group("acme/web\u001fCI", "acme/web", "CI"));
        Assert.Equal("[FIRING · critical] Default branch broken — 2 groups", AlertMessages.Title(n));
        var text = AlertMessages.PlainText(n);
        Assert.Contains("— acme/api · CI\nRepository: acme/api\nPipeline: CI\nBranch: main\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("— acme/web · CI\nRepository: acme/web\n", text.ReplaceLineEndings("\n"));
        Assert.Equal(2, text.Split("Rule: https://faultline.test/alerts/rules/1").Length);
        var slack = Texts(JsonDocument.Parse(AlertMessages.Slack(n)).RootElement.GetProperty("blocks")).ToList();
        Assert.Contains("*Repository*\nacme/web", slack);
        Assert.Equal(2, slack.Count(t => t == "*Pipeline*\nCI"));
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
        Assert.Contains("Latest failing run: https://faultline.test/runs/7", body);
        Assert.Contains("Rule: https://faultline.test/alerts/rules/1", body);
    }
}
