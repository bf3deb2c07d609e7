using Faultline.Application.Alerts;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Tests.Alerts;

public sealed class AlertDeliveryAndTextTests
{
    [Fact]
    public void Retries_back_off_exponentially_up_to_a_cap_and_stop_at_the_budget()
    {
        var policy = new AlertDeliveryPolicy { MaxAttempts = 8, FirstRetry = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(10) };
        Assert.Equal([30, 60, 120, 240, 480, 600, 600], Enumerable.Range(1, 7).Select(a => policy.RetryDelay(a)!.Value.TotalSeconds));
        Assert.Null(policy.RetryDelay(8));
    }

    [Theory]
    [InlineData(MetricUnit.Ratio, 0.3125, ConditionKind.Above, "31.3%")]
    [InlineData(MetricUnit.Ms, 2_520_000, ConditionKind.Above, "42m")]
    [InlineData(MetricUnit.Ms, 450, ConditionKind.Above, "450ms")]
    [InlineData(MetricUnit.Usd, 12.5, ConditionKind.Above, "$12.50")]
    [InlineData(MetricUnit.Count, 7, ConditionKind.Above, "7")]
    [InlineData(MetricUnit.Ratio, 35, ConditionKind.PercentChange, "+35%")]
    public void Values_read_as_people_say_them(MetricUnit unit, double value, ConditionKind kind, string text) =>
        Assert.Equal(text, AlertText.Value(unit, value, kind));

    [Fact]
    public void Conditions_read_as_people_say_them()
    {
        Assert.Equal("> 20%", AlertText.Condition(MetricUnit.Ratio, new AlertCondition(ConditionKind.Above, 0.2)));
        Assert.Equal("outside 10 – 20", AlertText.Condition(MetricUnit.Count, new AlertCondition(ConditionKind.Outside, 10, 20)));
        Assert.Equal("drop of 30% or more vs the window before", AlertText.Condition(MetricUnit.Count, new AlertCondition(ConditionKind.PercentChange, -30)));
    }

    [Fact]
    public void The_trend_is_a_sparkline_between_its_lowest_and_highest_value()
    {
        Assert.Equal("▁▅█", AlertText.Sparkline([0.1, 0.2, 0.3]));
        Assert.Equal("▄▄", AlertText.Sparkline([5, 5]));
        Assert.Equal("", AlertText.Sparkline([]));
    }
}
