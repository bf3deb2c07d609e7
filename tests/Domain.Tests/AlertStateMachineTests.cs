using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Domain.Tests;

public sealed class AlertStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static AlertRule Rule(int forMinutes = 0, double? recovery = null, int? renotify = null, NoDataHandling noData = NoDataHandling.NoData,
        ErrorHandling onError = ErrorHandling.Error, DateTimeOffset? mutedUntil = null) =>
        new(Guid.NewGuid(), "rule", null, true, new MetricSpec("failure_rate"), new AlertCondition(ConditionKind.Above, 0.2, RecoveryThreshold: recovery),
            60, forMinutes, AlertSeverity.Warning, noData, onError, renotify, [], mutedUntil, T0, T0);

    /// <summary>Runs evaluations one minute apart, feeding each result's states into the next.</summary>
    private static List<AlertEvaluation> Run(AlertRule rule, params double?[] values)
    {
        var states = new List<AlertGroupState>();
        var results = new List<AlertEvaluation>();
        for (var i = 0; i < values.Length; i++)
        {
            var result = AlertStateMachine.Apply(rule, states, [new GroupReading(null, values[i])], T0.AddMinutes(i));
            results.Add(result);
            states = result.States.ToList();
        }

        return results;
    }

    private static AlertState Final(List<AlertEvaluation> results) => results[^1].States.Single().State;

    private static List<string> Notices(List<AlertEvaluation> results) => results.SelectMany(r => r.Notices).Select(n => n.Type).ToList();

    [Fact]
    public void Fires_at_once_without_a_for_duration_and_resolves_when_clear_notifying_each_once()
    {
        var results = Run(Rule(), 0.1, 0.5, 0.6, 0.7, 0.1, 0.05);
        Assert.Equal(["alert.firing", "alert.resolved"], Notices(results));
        Assert.Equal(AlertState.Resolved, Final(results));
        Assert.Equal([(AlertState.Ok, AlertState.Firing), (AlertState.Firing, AlertState.Resolved)],
            results.SelectMany(r => r.Transitions).Select(t => (t.From, t.To)));
    }

    [Fact]
    public void Waits_the_for_duration_in_pending_and_a_short_breach_notifies_nobody()
    {
        var shortBreach = Run(Rule(forMinutes: 3), 0.5, 0.5, 0.1);
        Assert.Empty(Notices(shortBreach));
        Assert.Equal(AlertState.Ok, Final(shortBreach));

        var longBreach = Run(Rule(forMinutes: 3), 0.5, 0.5, 0.5, 0.5);
        Assert.Equal([AlertState.Pending, AlertState.Pending, AlertState.Pending, AlertState.Firing], longBreach.Select(r => r.States.Single().State));
        Assert.Equal(["alert.firing"], Notices(longBreach));
    }

    [Fact]
    public void Hysteresis_keeps_a_value_hovering_at_the_threshold_from_flapping()
    {
        var results = Run(Rule(recovery: 0.15), 0.25, 0.19, 0.21, 0.18, 0.16, 0.14);
        Assert.Equal(["alert.firing", "alert.resolved"], Notices(results));
        Assert.Equal(AlertState.Resolved, Final(results));

        var without = Run(Rule(), 0.25, 0.19, 0.21, 0.18);
        Assert.Equal(["alert.firing", "alert.resolved", "alert.firing", "alert.resolved"], Notices(without));
    }

    [Fact]
    public void Renotifies_a_long_firing_alert_on_its_interval_unless_acknowledged()
    {
        var rule = Rule(renotify: 10);
        var results = Run(rule, Enumerable.Repeat<double?>(0.5, 25).ToArray());
        Assert.Equal(["alert.firing", "alert.renotify", "alert.renotify"], Notices(results));

        var acknowledged = results[0].States.Single() with { AcknowledgedAt = T0, AcknowledgedBy = "a@example.com" };
        var later = AlertStateMachine.Apply(rule, [acknowledged], [new GroupReading(null, 0.5)], T0.AddMinutes(30));
        Assert.Empty(later.Notices);
        var resolved = AlertStateMachine.Apply(rule, [acknowledged], [new GroupReading(null, 0.1)], T0.AddMinutes(31));
        Assert.Null(resolved.States.Single().AcknowledgedAt);
    }

    [Theory]
    [InlineData(NoDataHandling.NoData, AlertState.NoData, "alert.no_data")]
    [InlineData(NoDataHandling.Ok, AlertState.Ok, null)]
    [InlineData(NoDataHandling.Alerting, AlertState.Firing, "alert.firing")]
    [InlineData(NoDataHandling.KeepLast, AlertState.Ok, null)]
    public void No_data_is_handled_as_the_rule_says(NoDataHandling handling, AlertState expected, string? notice)
    {
        var results = Run(Rule(noData: handling), 0.1, null);
        Assert.Equal(expected, Final(results));
        Assert.Equal(notice is null ? [] : [notice], Notices(results));
    }

    [Fact]
    public void No_data_while_firing_is_told_and_its_end_resolves()
    {
        var results = Run(Rule(), 0.5, null, 0.1);
        Assert.Equal(["alert.firing", "alert.no_data", "alert.resolved"], Notices(results));
    }

    [Theory]
    [InlineData(ErrorHandling.Error, AlertState.Error)]
    [InlineData(ErrorHandling.Alerting, AlertState.Firing)]
    [InlineData(ErrorHandling.KeepLast, AlertState.Ok)]
    public void A_failed_evaluation_is_handled_as_the_rule_says(ErrorHandling handling, AlertState expected)
    {
        var rule = Rule(onError: handling);
        var result = AlertStateMachine.ApplyError(rule, [], "statement timeout", T0);
        Assert.Equal(expected, result.States.Single().State);
        if (expected == AlertState.Error) Assert.Equal("statement timeout", result.Transitions.Single().Detail);
    }

    [Fact]
    public void Groups_have_states_of_their_own_and_a_group_that_leaves_resolves_or_is_forgotten()
    {
        var rule = Rule();
        var first = AlertStateMachine.Apply(rule, [], [new GroupReading("build", 0.5), new GroupReading("lint", 0.1)], T0);
        Assert.Equal(["alert.firing"], first.Notices.Select(n => n.Type));
        Assert.Equal("build", first.Notices.Single().Group);

        var second = AlertStateMachine.Apply(rule, first.States, [new GroupReading("test", 0.05)], T0.AddMinutes(1));
        Assert.Equal([("build", "alert.resolved")], second.Notices.Select(n => (n.Group, n.Type)));
        Assert.Equal(["lint"], second.Forgotten);
        Assert.Equal(["build", "test"], second.States.Select(s => s.Group).Order());
    }

    [Fact]
    public void A_muted_rule_changes_state_without_notices_and_tells_once_the_mute_ends()
    {
        var muted = Rule(mutedUntil: T0.AddMinutes(5));
        var firing = AlertStateMachine.Apply(muted, [], [new GroupReading(null, 0.5)], T0);
        Assert.Empty(firing.Notices);
        Assert.Contains("Muted", firing.Transitions.Single().Detail);

        var stillMuted = AlertStateMachine.Apply(muted, firing.States, [new GroupReading(null, 0.5)], T0.AddMinutes(2));
        Assert.Empty(stillMuted.Notices);
        var afterwards = AlertStateMachine.Apply(muted, stillMuted.States, [new GroupReading(null, 0.5)], T0.AddMinutes(6));
        Assert.Equal(["alert.renotify"], afterwards.Notices.Select(n => n.Type));
    }

    [Fact]
    public void The_trend_keeps_the_latest_values()
    {
        var results = Run(Rule(), Enumerable.Range(0, 30).Select(i => (double?)i / 100).ToArray());
        var trend = results[^1].States.Single().RecentValues;
        Assert.Equal(AlertGroupState.TrendLength, trend.Count);
        Assert.Equal(0.29, trend[^1]);
    }
}

public sealed class AlertConditionTests
{
    [Theory]
    [InlineData(ConditionKind.Above, 0.2, null, 0.21, true)]
    [InlineData(ConditionKind.Above, 0.2, null, 0.2, false)]
    [InlineData(ConditionKind.Below, 0.9, null, 0.85, true)]
    [InlineData(ConditionKind.Outside, 10.0, 20.0, 25.0, true)]
    [InlineData(ConditionKind.Outside, 10.0, 20.0, 5.0, true)]
    [InlineData(ConditionKind.Outside, 10.0, 20.0, 15.0, false)]
    [InlineData(ConditionKind.PercentChange, 50.0, null, 60.0, true)]
    [InlineData(ConditionKind.PercentChange, 50.0, null, -60.0, false)]
    [InlineData(ConditionKind.PercentChange, -30.0, null, -40.0, true)]
    public void Breaches(ConditionKind kind, double threshold, double? upper, double value, bool breached) =>
        Assert.Equal(breached, new AlertCondition(kind, threshold, upper).Breached(value, firing: false));

    [Fact]
    public void Percent_change_needs_a_base_to_compare_with()
    {
        Assert.Equal(50, AlertCondition.PercentChangeOf(15, 10));
        Assert.Equal(-100, AlertCondition.PercentChangeOf(0, 10));
        Assert.Equal(0, AlertCondition.PercentChangeOf(0, 0));
        Assert.Null(AlertCondition.PercentChangeOf(3, 0));
    }

    [Theory]
    [InlineData(ConditionKind.Outside, 0.1, null, null)]
    [InlineData(ConditionKind.Outside, 0.5, 0.2, null)]
    [InlineData(ConditionKind.Outside, 0.0, 1.0, 0.5)]
    [InlineData(ConditionKind.Above, 0.2, 0.5, null)]
    [InlineData(ConditionKind.Above, 0.2, null, 0.3)]
    [InlineData(ConditionKind.Below, 0.2, null, 0.1)]
    [InlineData(ConditionKind.PercentChange, 0.0, null, null)]
    [InlineData(ConditionKind.PercentChange, 50.0, null, 60.0)]
    [InlineData(ConditionKind.Above, double.PositiveInfinity, null, null)]
    public void Conditions_whose_numbers_cannot_work_together_say_why(ConditionKind kind, double threshold, double? upper, double? recovery) =>
        Assert.NotNull(new AlertCondition(kind, threshold, upper, recovery).Problem());

    [Fact]
    public void Slack_urls_are_shown_without_their_secret()
    {
        var channel = new AlertChannel(Guid.NewGuid(), "#ci", ChannelKind.Slack, "https://hooks.slack.com/services/T0123/B0456/abcdefsecret", [], null,
            DateTimeOffset.UnixEpoch);
        Assert.Equal("https://hooks.slack.com/services/T0…/…", channel.Target);
        Assert.DoesNotContain("abcdefsecret", channel.Target);
    }
}
