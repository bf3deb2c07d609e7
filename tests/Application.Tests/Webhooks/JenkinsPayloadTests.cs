using System.Text.Json;
using Faultline.Application.Webhooks;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Tests.Webhooks;

/// <summary>The parts of Jenkins' notification that the recorded builds of the WebApi tests do not reach.</summary>
public class JenkinsPayloadTests
{
    [Theory]
    [InlineData("SUCCESS", PipelineStatus.Success)]
    [InlineData("FAILURE", PipelineStatus.Failure)]
    [InlineData("FAILED", PipelineStatus.Failure)]
    [InlineData("UNSTABLE", PipelineStatus.Failure)]
    [InlineData("ABORTED", PipelineStatus.Cancelled)]
    [InlineData("NOT_BUILT", PipelineStatus.Skipped)]
    [InlineData("NOT_EXECUTED", PipelineStatus.Skipped)]
    [InlineData("SKIPPED", PipelineStatus.Skipped)]
    [InlineData("IN_PROGRESS", PipelineStatus.Running)]
    public void Every_jenkins_word_is_a_status(string jenkins, PipelineStatus expected) =>
        Assert.Equal(expected, PipelineStatuses.Normalize(JenkinsPayload.StatusWord(jenkins)));

    [Fact]
    public void A_build_waiting_for_input_and_a_queued_one_have_not_ended()
    {
        Assert.False(PipelineStatuses.Normalize(JenkinsPayload.StatusWord("PAUSED_PENDING_INPUT"))!.Value.IsTerminal());
        Assert.False(PipelineStatuses.Normalize(JenkinsPayload.StatusWord("QUEUED"))!.Value.IsTerminal());
        Assert.Null(PipelineStatuses.Normalize(JenkinsPayload.StatusWord("EXPLODED")));
    }

    [Theory]
    [InlineData("https://github.com/acme/api.git", "acme/api")]
    [InlineData("git@github.com:acme/api.git", "acme/api")]
    [InlineData("ssh://git@bitbucket.example.com:7999/acme/api.git", "acme/api")]
    [InlineData("https://gitlab.example.com/group/sub/api", "group/sub/api")]
    [InlineData("", null)]
    public void The_repository_is_the_path_of_the_git_url(string url, string? expected) =>
        Assert.Equal(expected, JenkinsPayload.RepositoryOf(url));

    [Theory]
    [InlineData("origin/main", "main")]
    [InlineData("origin/feature/login", "feature/login")]
    [InlineData("refs/heads/main", "main")]
    [InlineData("main", "main")]
    public void The_branch_drops_the_remote(string branch, string expected) => Assert.Equal(expected, JenkinsPayload.BranchOf(branch));

    [Theory]
    [InlineData("hudson.model.Cause$UserIdCause", "user")]
    [InlineData("hudson.triggers.SCMTrigger$SCMTriggerCause", "scm")]
    [InlineData("hudson.triggers.TimerTrigger$TimerTriggerCause", "schedule")]
    [InlineData("hudson.model.Cause$UpstreamCause", "upstream")]
    [InlineData("jenkins.branch.BranchIndexingCause", "branch_indexing")]
    [InlineData("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", "replay")]
    public void The_trigger_is_the_first_cause(string cause, string expected) => Assert.Equal(expected, JenkinsPayload.TriggerOf(cause));

    [Fact]
    public void A_stage_that_never_ran_has_no_times_and_a_negative_duration_ends_at_the_start()
    {
        using var payload = JsonDocument.Parse("""
            {"jobName": "api", "buildNumber": 7, "result": "FAILURE", "git": {"branch": "origin/main"},
             "describe": {"id": "7", "status": "IN_PROGRESS", "startTimeMillis": 1795168800000, "endTimeMillis": 1795168900000, "stages": [
               {"id": "6", "name": "Build", "execNode": "", "status": "FAILED", "startTimeMillis": 1795168800500, "durationMillis": -30},
               {"id": "9", "name": "Deploy", "execNode": "", "status": "NOT_EXECUTED", "startTimeMillis": 0, "durationMillis": 0}]}}
            """);

        var items = JenkinsPayload.Map(payload.RootElement).Select(input => input.Item!).ToList();

        Assert.Equal(["api#7", "api#7#6", "api#7#9"], items.Select(i => i.ExternalId));
        Assert.Equal(("api", "api", "main"), (items[0].Repository, items[0].Pipeline, items[0].Branch));
        Assert.Equal(items[1].StartedAt, items[1].FinishedAt);
        Assert.Equal((null, null, null, "skipped"), (items[2].StartedAt, items[2].FinishedAt, items[2].Runner, items[2].Status));
        Assert.All(items, item => Assert.Null(item.ToEvent().Problem));
    }
}
