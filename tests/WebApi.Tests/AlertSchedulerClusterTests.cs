using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>Two WebApi instances on one database form one Quartz cluster: each tick evaluates every rule once, on one of them.</summary>
public sealed class AlertSchedulerClusterTests
{
    [Fact]
    public async Task Two_instances_evaluate_each_rule_once_per_tick()
    {
        const string cluster = "faultline-cluster-test";
        await using var first = await RunningApi.StartAsync(schedulerName: cluster);
        using var second = WebApiProcess.Start(Faultline.TestSupport.TestStack.ClosedPort(), first.Database, RunningApi.AlertSettings(cluster));
        try
        {
            await EvaluateAsync(first, cluster);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
    }

    private static async Task EvaluateAsync(RunningApi first, string cluster)
    {
        var owner = new ApiSession(first);
        await owner.SignUpAsync(Emails.New("cluster"));
        var rules = new List<Guid>();
        foreach (var metric in new[] { "jobs", "failures", "failure_rate" })
        {
            var response = await owner.PostAsync("/api/v1/alerts/rules", new
            {
                name = metric, query = new { metric }, condition = new { kind = "above", threshold = 100 }, windowMinutes = 5,
            });
            rules.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var database = first.Database;
        var since = DateTimeOffset.UtcNow;
        // Ticks every 2 s in tests (every minute in production): wait for six of them.
        await RunningApi.WaitForAsync(async () =>
            await database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE fire_time > '{since:O}'") >= 6);
        await Task.Delay(500);

        // Both instances take part (Quartz records every instance of the cluster it checks in).
        await RunningApi.WaitForAsync(async () =>
            await database.ScalarAsync<long>($"SELECT count(*) FROM catalog.qrtz_scheduler_state WHERE sched_name = '{cluster}'") == 2);
        var ticks = await database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE fire_time > (SELECT min(created_at) FROM \"{schema}\".alert_rules) AND finished_at IS NOT NULL");
        Assert.InRange(ticks, 6, 12);
        foreach (var rule in rules)
            Assert.Equal(ticks, await database.ScalarAsync<long>($"SELECT evaluations FROM \"{schema}\".alert_rules WHERE id = '{rule}'"));

        // Ticks are whole intervals apart: none ran twice, none was skipped.
        Assert.Equal(0L, await database.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT fire_time - lag(fire_time) OVER (ORDER BY fire_time) AS gap FROM catalog.alert_evaluation_runs) g
            WHERE gap IS NOT NULL AND gap <> interval '2 seconds'
            """));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE rules_evaluated NOT IN (0, {rules.Count})"));
    }
}
