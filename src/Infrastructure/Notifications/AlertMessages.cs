using System.Text;
using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Infrastructure.Notifications;

/// <summary>How an alert notification reads: a title, then per group what broke, the value against the condition, a trend and links.</summary>
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
        var groups = n.Groups switch
        {
            [{ Group: { } only }] => $" — {MetricGroup.Label(only)}",
            { Count: > 1 } => $" — {n.Groups.Count} groups",
            _ => "",
        };
        return $"[{what} · {n.Severity}] {n.RuleName}{groups}";
    }

    public static string PlainText(AlertNotification n)
    {
        var text = new StringBuilder();
        text.AppendLine(Title(n)).AppendLine();
        foreach (var group in n.Groups)
        {
            if (n.Groups.Count > 1 && group.Group is { } name) text.AppendLine($"— {MetricGroup.Label(name)}");
            foreach (var (field, value) in WhatBroke(group)) text.AppendLine($"{field}: {value}");
            if (group.ValueText is not null) text.AppendLine($"{n.Metric}: {group.ValueText} (alert when {n.ThresholdText})");
            if (group.PreviousState is not null) text.AppendLine($"State: {group.PreviousState} → {n.State}");
            if (group.Trend.Count > 1) text.AppendLine($"Trend: {AlertText.Sparkline(group.Trend)}");
            if (group.Runs is { } runs) text.AppendLine($"{runs.Text}: {runs.Url}");
            text.AppendLine();
        }

        if (n.Detail is not null) text.AppendLine(n.Detail).AppendLine();
        text.AppendLine($"Rule: {n.Url}");
        return text.ToString();
    }

    /// <summary>The repository, pipeline and branch a group is about, where the message knows them.</summary>
    private static IEnumerable<(string Field, string Value)> WhatBroke(AlertGroupNotification group) =>
        new[] { ("Repository", group.Repository), ("Pipeline", group.Pipeline), ("Branch", group.Branch) }
            .Where(pair => pair.Item2 is not null).Select(pair => (pair.Item1, pair.Item2!));

    /// <summary>
    /// An incoming-webhook payload: the text (what notifications and old clients show) and the same as
    /// blocks, a section per group. Text people typed (rule names, groups) is escaped, so a rule named "&lt;!channel&gt;" pings nobody.
    /// </summary>
    public static string Slack(AlertNotification n)
    {
        var blocks = new List<object> { new { type = "header", text = new { type = "plain_text", text = Title(n) } } };
        foreach (var group in n.Groups)
        {
            var fields = WhatBroke(group).Select(pair => Markdown($"*{pair.Field}*\n{Escape(pair.Value)}")).ToList();
            if (n.Groups.Count > 1 && fields.Count == 0 && group.Group is { } name) fields.Add(Markdown($"*Group*\n{Escape(MetricGroup.Label(name))}"));
            if (group.ValueText is not null) fields.Add(Markdown($"*{n.Metric}*\n{group.ValueText}"));
            if (group.Trend.Count > 1) fields.Add(Markdown($"*Trend*\n`{AlertText.Sparkline(group.Trend)}`"));
            if (group.PreviousState is not null) fields.Add(Markdown($"*State*\n{group.PreviousState} → {n.State}"));
            if (group.Runs is { } runs) fields.Add(Markdown($"<{runs.Url}|{runs.Text}>"));
            if (fields.Count > 0) blocks.Add(new { type = "section", fields });
        }

        blocks.Add(new { type = "section", fields = new[] { Markdown($"*Alert when*\n{Escape(n.ThresholdText)}") } });
        if (n.Detail is not null) blocks.Add(new { type = "section", text = Markdown(Escape(n.Detail)) });
        blocks.Add(new { type = "section", text = Markdown($"<{n.Url}|Open in Faultline>") });
        var value = n.Groups is [{ ValueText: { } only }] ? only : n.State;
        return JsonSerializer.Serialize(new { text = Escape($"{Title(n)}: {value} ({n.ThresholdText})"), blocks });
    }

    /// <summary>A message other than an alert: its title as a header, its lines, and its link.</summary>
    public static string Slack(ChannelMessage m)
    {
        var blocks = new List<object> { new { type = "header", text = new { type = "plain_text", text = m.Title } } };
        if (m.Lines.Count > 0) blocks.Add(new { type = "section", text = Markdown(Escape(string.Join("\n", m.Lines))) });
        blocks.Add(new { type = "section", text = Markdown($"<{m.Link.Url}|{Escape(m.Link.Text)}>") });
        return JsonSerializer.Serialize(new { text = Escape(m.Title), blocks });
    }

    public static string PlainText(ChannelMessage m) => $"{m.Title}\n\n{string.Join("\n", m.Lines)}\n\n{m.Link.Text}: {m.Link.Url}\n";

    // Slack's mrkdwn reads &, < and > as markup (links, mentions); these three are all it asks to escape.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static object Markdown(string text) => new { type = "mrkdwn", text };
}

/// <summary>The JSON body of a generic webhook delivery (documented in docs/alerts.md): the message, and each group it is about.</summary>
internal sealed record WebhookPayload(
    Guid Id, string Type, Guid? RuleId, string RuleName, string Severity, string State, double Threshold, string Condition, DateTimeOffset At,
    string Url, string? Detail, IReadOnlyList<WebhookGroup> Groups)
{
    public static WebhookPayload Of(AlertNotification n) => new(n.Id, n.Type, n.RuleId == Guid.Empty ? null : n.RuleId, n.RuleName, n.Severity,
        n.State, n.Threshold, n.ThresholdText, n.At, n.Url, n.Detail,
        [.. n.Groups.Select(g => new WebhookGroup(g.Group, g.PreviousState, g.Value, g.Trend, g.Repository, g.Pipeline, g.Branch, g.Runs?.Url))]);
}

internal sealed record WebhookGroup(
    string? Group, string? PreviousState, double? Value, IReadOnlyList<double> Trend, string? Repository, string? Pipeline, string? Branch,
    string? RunsUrl);
