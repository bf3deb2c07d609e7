using System.Text;
using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Infrastructure.Notifications;

/// <summary>How an alert notification reads: a title, the value against the condition, a trend and a link.</summary>
internal static class AlertMessages
{
    public static string Title(AlertNotification n)
    {
        var what = n.Type switch
        {
            "alert.test" => "TEST",
            "alert.renotify" => "STILL FIRING",
            "alert.no_data" => "NO DATA",
            _ => n.State.ToUpperInvariant(),
        };
        return $"[{what} · {n.Severity}] {n.RuleName}{(n.Group is null ? "" : $" — {MetricGroup.Label(n.Group)}")}";
    }

    public static string PlainText(AlertNotification n)
    {
        var text = new StringBuilder();
        text.AppendLine(Title(n)).AppendLine();
        foreach (var (name, value) in WhatBroke(n)) text.AppendLine($"{name}: {value}");
        if (n.ValueText is not null) text.AppendLine($"{n.Metric}: {n.ValueText} (alert when {n.ThresholdText})");
        if (n.PreviousState is not null) text.AppendLine($"State: {n.PreviousState} → {n.State}");
        if (n.Trend.Count > 1) text.AppendLine($"Trend: {AlertText.Sparkline(n.Trend)}");
        if (n.Detail is not null) text.AppendLine(n.Detail);
        text.AppendLine();
        if (n.Runs is { } runs) text.AppendLine($"{runs.Text}: {runs.Url}");
        text.AppendLine($"Rule: {n.Url}");
        return text.ToString();
    }

    /// <summary>The repository, pipeline and branch the message is about, where it knows them.</summary>
    private static IEnumerable<(string Name, string Value)> WhatBroke(AlertNotification n) =>
        new[] { ("Repository", n.Repository), ("Pipeline", n.Pipeline), ("Branch", n.Branch) }
            .Where(pair => pair.Item2 is not null).Select(pair => (pair.Item1, pair.Item2!));

    /// <summary>
    /// An incoming-webhook payload: the text (what notifications and old clients show) and the same as
    /// blocks. Text people typed (rule names, groups) is escaped, so a rule named "&lt;!channel&gt;" pings nobody.
    /// </summary>
    public static string Slack(AlertNotification n)
    {
        var fields = WhatBroke(n).Select(pair => Markdown($"*{pair.Name}*\n{Escape(pair.Value)}")).ToList();
        if (n.ValueText is not null) fields.Add(Markdown($"*{n.Metric}*\n{n.ValueText}"));
        fields.Add(Markdown($"*Alert when*\n{Escape(n.ThresholdText)}"));
        if (n.Trend.Count > 1) fields.Add(Markdown($"*Trend*\n`{AlertText.Sparkline(n.Trend)}`"));
        if (n.PreviousState is not null) fields.Add(Markdown($"*State*\n{n.PreviousState} → {n.State}"));
        var blocks = new List<object>
        {
            new { type = "header", text = new { type = "plain_text", text = Title(n) } },
            new { type = "section", fields },
        };
        if (n.Detail is not null) blocks.Add(new { type = "section", text = Markdown(Escape(n.Detail)) });
        var links = n.Runs is { } runs ? $"<{runs.Url}|{runs.Text}> · <{n.Url}|Open in Faultline>" : $"<{n.Url}|Open in Faultline>";
        blocks.Add(new { type = "section", text = Markdown(links) });
        return JsonSerializer.Serialize(new { text = Escape($"{Title(n)}: {n.ValueText ?? n.State} ({n.ThresholdText})"), blocks });
    }

    // Slack's mrkdwn reads &, < and > as markup (links, mentions); these three are all it asks to escape.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static object Markdown(string text) => new { type = "mrkdwn", text };
}

/// <summary>The JSON body of a generic webhook delivery (documented in docs/alerts.md).</summary>
internal sealed record WebhookPayload(
    Guid Id, string Type, Guid? RuleId, string RuleName, string Severity, string? Group, string State, string? PreviousState, double? Value,
    double Threshold, string Condition, IReadOnlyList<double> Trend, DateTimeOffset At, string Url, string? Detail, string? Repository,
    string? Pipeline, string? Branch, string? RunsUrl)
{
    public static WebhookPayload Of(AlertNotification n) => new(n.Id, n.Type, n.RuleId == Guid.Empty ? null : n.RuleId, n.RuleName, n.Severity,
        n.Group, n.State, n.PreviousState, n.Value, n.Threshold, n.ThresholdText, n.Trend, n.At, n.Url, n.Detail, n.Repository, n.Pipeline,
        n.Branch, n.Runs?.Url);
}
