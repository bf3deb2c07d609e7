using System.Text.Json;
using Faultline.Application.Ingestion;
using Faultline.Application.LogFetching;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Tests.LogFetching;

/// <summary>Where a delivery's failed jobs have their logs: the project and, for GitLab, the instance the delivery came from.</summary>
public class LogFetchSchedulerTests
{
    private sealed class RecordingQueue : ILogFetchQueue
    {
        public List<(Guid Hook, LogSource Source, IReadOnlyCollection<long> Jobs)> Queued { get; } = [];

        public Task EnqueueAsync(Guid webhookId, LogSource source, IReadOnlyCollection<long> jobIds, DateTimeOffset notBefore,
            CancellationToken cancellationToken)
        {
            Queued.Add((webhookId, source, jobIds));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<LogFetch>> ClaimDueAsync(int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordAsync(LogFetch fetch, LogFetchAttempt attempt, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static EventItem Item(string type) =>
        new(type, "gitlab", "1", 1, "acme/api", "ci", "main", null, null, null, null, "failed", null, null, null, "7", "test", null);

    private static async Task<RecordingQueue> ScheduleAsync(Provider provider, string payload, params EventItem[] items)
    {
        var queue = new RecordingQueue();
        var result = new IngestResult(items.Length, 0, 0, items.Select((_, i) => new ItemResult(i, "accepted", 100 + i, null)).ToList());
        await new LogFetchScheduler(queue, new LogFetchPolicy(), TimeProvider.System)
            .ScheduleAsync(Guid.Empty, provider, JsonDocument.Parse(payload).RootElement, [.. items.Select(item => new EventInput(item, null))], result,
                CancellationToken.None);
        return queue;
    }

    [Theory]
    [InlineData("https://gitlab.com/acme/api", "https://gitlab.com")]
    [InlineData("https://example.com/gitlab/acme/api", "https://example.com/gitlab")]
    [InlineData("http://192.168.64.1:3005/acme/api/", "http://192.168.64.1:3005")]
    public async Task A_gitlab_job_is_fetched_by_project_id_from_the_instance_it_came_from(string webUrl, string instance)
    {
        var payload = $$$"""{"project_id": 380, "project": {"id": 380, "web_url": "{{{webUrl}}}", "path_with_namespace": "acme/api"} }""";

        var queued = Assert.Single((await ScheduleAsync(Provider.Gitlab, payload, Item("job"))).Queued);

        Assert.Equal(new LogSource(Provider.Gitlab, "380", instance), queued.Source);
        Assert.Equal([100L], queued.Jobs);
    }

    [Fact]
    public async Task Only_jobs_are_queued_and_a_github_job_is_found_by_its_repository()
    {
        var queued = Assert.Single((await ScheduleAsync(Provider.Github, """{"repository": {"full_name": "octo-org/octo-repo"}}""",
            Item("run"), Item("job"))).Queued);

        Assert.Equal(new LogSource(Provider.Github, "octo-org/octo-repo", null), queued.Source);
        Assert.Equal([101L], queued.Jobs);
    }

    [Fact]
    public async Task Jenkins_and_deliveries_without_jobs_queue_nothing()
    {
        Assert.Empty((await ScheduleAsync(Provider.Jenkins, """{"job": "x"}""", Item("job"))).Queued);
        Assert.Empty((await ScheduleAsync(Provider.Github, """{"repository": {"full_name": "a/b"}}""", Item("run"))).Queued);
    }
}
