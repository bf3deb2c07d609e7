using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>The runs explorer API and job logs, against the real PostgreSQL.</summary>
public sealed class RunsAndLogsTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    /// <param name="fillerRuns">Runs stored first, so this tenant's ids lie beyond another's (ids are per tenant).</param>
    private async Task<(HttpClient Key, string Schema, long FailedJob, long PassedJob)> TenantWithRunAsync(string runId = "900", int fillerRuns = 0)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("runs"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        if (fillerRuns > 0)
            await key.PostAsJsonAsync("/api/v1/events", Enumerable.Range(0, fillerRuns).SelectMany(i => new[] { IngestionTests.Run($"filler{i}"), IngestionTests.Job($"filler{i}", $"filler{i}", "x", "success") }).ToArray());
        var result = await (await key.PostAsJsonAsync("/api/v1/events", new[]
        {
            IngestionTests.Run(runId), IngestionTests.Job(runId + "1", runId, "test", "failure"), IngestionTests.Job(runId + "2", runId, "build", "success"),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var ids = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        return (key, schema, ids[1], ids[2]);
    }

    [Fact]
    public async Task A_run_lists_with_its_jobs_and_each_job_reads_alone()
    {
        var (key, _, failed, _) = await TenantWithRunAsync();

        var runs = await key.GetFromJsonAsync<JsonElement>("/api/v1/runs?status=failure&repository=acme/api");
        var run = runs.GetProperty("items")[0];
        var detail = await key.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{run.GetProperty("id").GetInt64()}");
        var job = await key.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{failed}");

        Assert.Equal("failure", run.GetProperty("status").GetString());
        Assert.Equal(600_000, run.GetProperty("durationMs").GetInt64());
        Assert.Equal(["build", "test"], detail.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("name").GetString()).Order());
        Assert.Equal("test", job.GetProperty("job").GetProperty("name").GetString());
        Assert.Equal(0, (await key.GetFromJsonAsync<JsonElement>("/api/v1/runs?status=success")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var (key, _, _, _) = await TenantWithRunAsync();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 25).Select(i => (object)new
        {
            type = "run", provider = "gitlab", externalId = $"p{i}", repository = "acme/web", pipeline = "pipeline", branch = "main",
            status = "success", startedAt = start.AddMinutes(i % 5), finishedAt = start.AddMinutes(10),
        }).ToArray();
        await key.PostAsJsonAsync("/api/v1/events", events);

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await key.GetFromJsonAsync<JsonElement>("/api/v1/runs?provider=gitlab&limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/v1/runs?limit=0")]
    [InlineData("/api/v1/runs?limit=501")]
    [InlineData("/api/v1/runs?status=exploded")]
    [InlineData("/api/v1/jobs?provider=bitbucket")]
    [InlineData("/api/v1/jobs?cursor=garbage")]
    [InlineData("/api/v1/runs?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")]
    public async Task Bad_list_queries_are_400s(string path)
    {
        var (key, _, _, _) = await TenantWithRunAsync();

        await ProblemAssert.IsProblemAsync(await key.GetAsync(path), 400);
    }

    [Fact]
    public async Task A_log_keeps_its_colours_in_storage_and_reads_without_them()
    {
        var (key, schema, failed, _) = await TenantWithRunAsync();
        const string log = "\u001b[32mCompiling\u001b[0m app\n\u001b[31merror[E0425]: cannot find value `x`\u001b[0m\n";

        var upload = await key.PutAsync($"/api/v1/jobs/{failed}/log", new StringContent(log, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("Compiling app\nerror[E0425]: cannot find value `x`\n", await key.GetStringAsync($"/api/v1/jobs/{failed}/log"));
        Assert.Equal(log, await key.GetStringAsync($"/api/v1/jobs/{failed}/log?raw=true"));
        // A failed job with a log goes to the classifier.
        await QueuedOrClassifiedAsync(schema, failed);
    }

    [Fact]
    public async Task A_failed_job_whose_log_came_first_is_queued_when_its_failure_arrives()
    {
        var (key, schema, _, passed) = await TenantWithRunAsync();
        await key.PutAsync($"/api/v1/jobs/{passed}/log", new StringContent("all good", Encoding.UTF8, "text/plain"));
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.classification_queue WHERE job_id = {passed}"));

        await key.PostAsJsonAsync("/api/v1/events", new[] { IngestionTests.Job("9002", "900", "build", "failure") });

        await QueuedOrClassifiedAsync(schema, passed);
    }

    /// <summary>The job waits in the queue, or the background classifier already took it.</summary>
    private async Task QueuedOrClassifiedAsync(string schema, long jobId) =>
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>(
            $"SELECT (SELECT count(*) FROM {schema}.classification_queue WHERE job_id = {jobId}) + (SELECT count(*) FROM {schema}.job_classifications WHERE job_id = {jobId})"));

    [Fact]
    public async Task A_21_MB_log_keeps_its_head_and_tail_and_says_so()
    {
        var (key, schema, failed, _) = await TenantWithRunAsync();
        var text = new StringBuilder();
        for (var line = 0; text.Length < 21 * 1024 * 1024; line++) text.Append("line ").Append(line).Append(": compiling module and running tests\n");
        var lines = text.ToString().TrimEnd('\n').Split('\n');

        var upload = await (await key.PutAsync($"/api/v1/jobs/{failed}/log", new StringContent(text.ToString(), Encoding.UTF8, "text/plain")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var stored = await key.GetStringAsync($"/api/v1/jobs/{failed}/log");

        Assert.True(upload.GetProperty("truncated").GetBoolean());
        Assert.Equal(text.Length, upload.GetProperty("originalBytes").GetInt64());
        Assert.StartsWith(lines[0] + "\n", stored);
        Assert.EndsWith(lines[^1] + "\n", stored);
        Assert.Contains("Faultline kept the first and last 10 MB", stored);
        Assert.True(await Api.Database.ScalarAsync<long>($"SELECT octet_length(content_gzip)::bigint FROM {schema}.job_logs") < 2 * 1024 * 1024);
    }

    [Fact]
    public async Task A_gzip_log_is_accepted_and_a_gzip_bomb_is_refused_without_storing_anything()
    {
        var (key, schema, failed, passed) = await TenantWithRunAsync();

        var gzipped = new ByteArrayContent(Gzip(Encoding.UTF8.GetBytes("npm ERR! code ERESOLVE\n"), 1));
        gzipped.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        Assert.Equal(HttpStatusCode.OK, (await key.PutAsync($"/api/v1/jobs/{failed}/log", gzipped)).StatusCode);
        Assert.Equal("npm ERR! code ERESOLVE\n", await key.GetStringAsync($"/api/v1/jobs/{failed}/log"));

        var bomb = Gzip(new byte[1024 * 1024], 300); // 300 MB of zeros in well under 1 MB
        Assert.True(bomb.Length < 1024 * 1024);
        var bombContent = new ByteArrayContent(bomb);
        bombContent.Headers.ContentEncoding.Add("gzip");
        await ProblemAssert.IsProblemAsync(await key.PutAsync($"/api/v1/jobs/{passed}/log", bombContent), 413);
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.job_logs WHERE job_id = {passed}"));
    }

    [Fact]
    public async Task Bad_log_uploads_are_clear_problems()
    {
        var (key, _, failed, _) = await TenantWithRunAsync();
        var notGzip = new ByteArrayContent("plain text pretending"u8.ToArray());
        notGzip.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");

        await ProblemAssert.IsProblemAsync(await key.PutAsync($"/api/v1/jobs/{failed}/log", notGzip), 400);
        await ProblemAssert.IsProblemAsync(await key.PutAsync("/api/v1/jobs/999999999/log", new StringContent("x")), 404);
        await ProblemAssert.IsProblemAsync(await key.GetAsync("/api/v1/jobs/999999999/log"), 404);
    }

    [Fact]
    public async Task Another_tenants_runs_jobs_and_logs_are_404_and_never_listed()
    {
        var (keyA, _, _, _) = await TenantWithRunAsync("111");
        var (keyB, _, failedB, _) = await TenantWithRunAsync("222", fillerRuns: 10);
        await keyB.PutAsync($"/api/v1/jobs/{failedB}/log", new StringContent("secret of B", Encoding.UTF8, "text/plain"));
        var runB = (await keyB.GetFromJsonAsync<JsonElement>("/api/v1/runs?repository=acme/api")).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("externalId").GetString() == "222").GetProperty("id").GetInt64();

        await ProblemAssert.IsProblemAsync(await keyA.GetAsync($"/api/v1/runs/{runB}"), 404);
        await ProblemAssert.IsProblemAsync(await keyA.GetAsync($"/api/v1/jobs/{failedB}"), 404);
        await ProblemAssert.IsProblemAsync(await keyA.GetAsync($"/api/v1/jobs/{failedB}/log"), 404);
        await ProblemAssert.IsProblemAsync(await keyA.PutAsync($"/api/v1/jobs/{failedB}/log", new StringContent("overwrite")), 404);
        Assert.Equal("secret of B", await keyB.GetStringAsync($"/api/v1/jobs/{failedB}/log"));
        var listsOfA = await keyA.GetStringAsync("/api/v1/runs") + await keyA.GetStringAsync("/api/v1/jobs");
        Assert.DoesNotContain("\"222\"", listsOfA);
        Assert.Contains("\"111\"", listsOfA);
    }

    [Fact]
    public async Task Reading_needs_the_read_permission()
    {
        var (_, _, failed, _) = await TenantWithRunAsync();
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("ingestonly"));
        var (ingestOnly, _) = await Teams.KeyAsync(owner, "ingest");

        await ProblemAssert.IsProblemAsync(await ingestOnly.GetAsync("/api/v1/runs"), 403);
        await ProblemAssert.IsProblemAsync(await ingestOnly.GetAsync($"/api/v1/jobs/{failed}/log"), 403);
    }

    private static byte[] Gzip(byte[] chunk, int times)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            for (var i = 0; i < times; i++) gzip.Write(chunk);
        return output.ToArray();
    }
}
