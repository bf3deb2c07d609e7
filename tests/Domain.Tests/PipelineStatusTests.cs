using Faultline.Domain.Ingestion;

namespace Faultline.Domain.Tests;

public sealed class PipelineStatusTests
{
    /// <summary>Every status and conclusion GitHub documents for workflow runs and jobs.</summary>
    [Theory]
    [InlineData("requested", PipelineStatus.Queued)]
    [InlineData("queued", PipelineStatus.Queued)]
    [InlineData("pending", PipelineStatus.Queued)]
    [InlineData("waiting", PipelineStatus.Waiting)]
    [InlineData("in_progress", PipelineStatus.Running)]
    [InlineData("success", PipelineStatus.Success)]
    [InlineData("neutral", PipelineStatus.Success)]
    [InlineData("failure", PipelineStatus.Failure)]
    [InlineData("startup_failure", PipelineStatus.Failure)]
    [InlineData("cancelled", PipelineStatus.Cancelled)]
    [InlineData("stale", PipelineStatus.Cancelled)]
    [InlineData("skipped", PipelineStatus.Skipped)]
    [InlineData("timed_out", PipelineStatus.TimedOut)]
    // Held for a maintainer's approval: it has not run, so it has not failed.
    [InlineData("action_required", PipelineStatus.Waiting)]
    public void Github_words_map_to_canonical_statuses(string word, PipelineStatus status) => Assert.Equal(status, PipelineStatuses.Normalize(word));

    /// <summary>Every status GitLab documents for pipelines and jobs.</summary>
    [Theory]
    [InlineData("created", PipelineStatus.Queued)]
    [InlineData("waiting_for_resource", PipelineStatus.Queued)]
    [InlineData("preparing", PipelineStatus.Queued)]
    [InlineData("pending", PipelineStatus.Queued)]
    [InlineData("running", PipelineStatus.Running)]
    [InlineData("success", PipelineStatus.Success)]
    [InlineData("failed", PipelineStatus.Failure)]
    [InlineData("canceled", PipelineStatus.Cancelled)]
    [InlineData("canceling", PipelineStatus.Cancelled)]
    [InlineData("skipped", PipelineStatus.Skipped)]
    [InlineData("manual", PipelineStatus.Manual)]
    [InlineData("scheduled", PipelineStatus.Waiting)]
    [InlineData("waiting_for_callback", PipelineStatus.Waiting)]
    public void Gitlab_words_map_to_canonical_statuses(string word, PipelineStatus status) => Assert.Equal(status, PipelineStatuses.Normalize(word));

    [Fact]
    public void Every_canonical_code_maps_to_itself_and_unknown_words_to_nothing()
    {
        Assert.All(Enum.GetValues<PipelineStatus>(), status => Assert.Equal(status, PipelineStatuses.Normalize(status.Code())));
        Assert.Null(PipelineStatuses.Normalize("completed"));
        Assert.Null(PipelineStatuses.Normalize(null));
    }

    [Fact]
    public void Only_a_started_status_has_a_start_and_only_a_final_one_a_finish()
    {
        PipelineStatus[] notStarted = [PipelineStatus.Queued, PipelineStatus.Waiting, PipelineStatus.Manual];

        Assert.All(notStarted, status => Assert.False(status.HasStarted()));
        Assert.All(notStarted.Append(PipelineStatus.Running), status => Assert.False(status.IsTerminal()));
        Assert.True(PipelineStatus.Running.HasStarted());
        Assert.All(Enum.GetValues<PipelineStatus>().Except(PipelineStatuses.Unfinished),
            status => Assert.True(status.IsTerminal() && status.HasStarted()));
    }
}
