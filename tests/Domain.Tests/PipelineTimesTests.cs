using Faultline.Domain.Ingestion;

namespace Faultline.Domain.Tests;

public sealed class PipelineTimesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Times_in_order_are_kept_as_they_are()
    {
        var times = new PipelineTimes(T0, T0.AddMinutes(1), T0.AddMinutes(5));

        Assert.True(times.InOrder);
        Assert.Equal(times, times.Clamped());
        Assert.True(new PipelineTimes(null, null, null).InOrder);
    }

    [Fact]
    public void A_finish_before_the_start_moves_up_to_it()
    {
        var clamped = new PipelineTimes(T0, T0.AddMinutes(5), T0.AddMinutes(1)).Clamped();

        Assert.Equal(new PipelineTimes(T0, T0.AddMinutes(5), T0.AddMinutes(5)), clamped);
        Assert.True(clamped.InOrder);
    }

    [Fact]
    public void A_queue_time_after_the_start_or_without_a_start_after_the_finish_moves_down_to_it()
    {
        Assert.Equal(new PipelineTimes(T0, T0, null), new PipelineTimes(T0.AddMinutes(2), T0, null).Clamped());
        Assert.Equal(new PipelineTimes(T0, null, T0), new PipelineTimes(T0.AddMinutes(2), null, T0).Clamped());
        Assert.False(new PipelineTimes(T0.AddMinutes(2), null, T0).InOrder);
    }

    [Fact]
    public void A_missing_time_is_never_invented()
    {
        Assert.Equal(new PipelineTimes(null, T0, null), new PipelineTimes(null, T0, null).Clamped());
        Assert.Equal(new PipelineTimes(T0, null, null), new PipelineTimes(T0, null, null).Clamped());
    }
}
