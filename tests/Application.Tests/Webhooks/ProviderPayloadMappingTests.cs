using System.Text.Json;
using Faultline.Application.Webhooks;

namespace Faultline.Application.Tests.Webhooks;

/// <summary>The fallbacks of the provider mappers for payloads the published examples do not show.</summary>
public sealed class ProviderPayloadMappingTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("""{"name": "", "path": ".github/workflows/release.yaml@refs/heads/main"}""", "release")]
    [InlineData("""{"name": "  ", "path": "dynamic/dependabot/dependabot-updates"}""", "dependabot-updates")]
    [InlineData("""{"name": "Build", "path": ".github/workflows/ci.yml"}""", "Build")]
    public void A_run_is_named_by_its_name_else_its_workflow_file(string run, string pipeline)
    {
        var payload = Json($$$"""{"workflow_run": {{{run}}}, "repository": {"full_name": "acme/api"}}""");

        Assert.Equal(pipeline, Assert.Single(GithubPayload.Map("workflow_run", payload)).Pipeline);
    }

    [Fact]
    public void A_gitlab_pipeline_that_ran_no_job_starts_at_its_finish_less_its_duration()
    {
        var payload = Json("""
            {"object_attributes": {"id": 7, "status": "failed", "ref": "main", "created_at": "2026-11-20 10:00:00 UTC",
                                   "finished_at": "2026-11-20 10:10:00 UTC", "duration": 120},
             "project": {"path_with_namespace": "acme/api"}}
            """);

        var run = Assert.Single(GitlabPayload.Map("Pipeline Hook", payload));

        Assert.Equal(("gitlab-ci", new DateTimeOffset(2026, 11, 20, 10, 8, 0, TimeSpan.Zero)), (run.Pipeline, run.StartedAt));
    }

    [Fact]
    public void An_event_no_mapper_tracks_maps_to_nothing()
    {
        Assert.Empty(GithubPayload.Map("push", Json("{}")));
        Assert.Empty(GitlabPayload.Map("Push Hook", Json("{}")));
    }
}
