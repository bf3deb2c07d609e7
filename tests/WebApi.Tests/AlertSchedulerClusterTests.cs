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
        // Creating a rule has it evaluated at once, outside the schedule: let that pass, then count ticks from a quiet moment.
        await Task.Delay(1500);
        var (since, before) = await SnapshotAsync(database, schema);
        // Ticks every 2 s in tests (every minute in production): wait for six of them.
        await RunningApi.WaitForAsync(async () => await database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE fire_time > '{since}' AND finished_at IS NOT NULL") >= 6);
        var (_, after) = await SnapshotAsync(database, schema);
        var ticks = await database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE fire_time > '{since}' AND finished_at IS NOT NULL");

        // Both instances take part (Quartz records every instance of the cluster it checks in).
        await RunningApi.WaitForAsync(async () =>
            await database.ScalarAsync<long>($"SELECT count(*) FROM catalog.qrtz_scheduler_state WHERE sched_name = '{cluster}'") == 2);
        Assert.InRange(ticks, 6, 12);
        Assert.Equal(rules.Count, before.Length);
        Assert.Equal(before.Select(count => count + ticks), after);
        Assert.Equal(0L, await database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.alert_evaluation_runs WHERE fire_time > '{since}' AND rules_evaluated <> {rules.Count}"));

        // Ticks are whole intervals apart: none ran twice, none was skipped.
        Assert.Equal(0L, await database.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT fire_time - lag(fire_time) OVER (ORDER BY fire_time) AS gap FROM catalog.alert_evaluation_runs) g
            WHERE gap IS NOT NULL AND gap <> interval '2 seconds'
            """));
    }

    /// <summary>
    /// The latest tick and every rule's evaluation count, read in one statement at a moment no tick is
    /// running (a tick records itself before it evaluates, so none can be half counted).
    /// </summary>
    private static async Task<(string LatestTick, long[] Evaluations)> SnapshotAsync(Faultline.TestSupport.TestDatabase database, string schema)
    {
        string[] parts = [];
        await RunningApi.WaitForAsync(async () =>
        {
            parts = (await database.ScalarAsync<string>($"""
                SELECT (SELECT count(*) FROM catalog.alert_evaluation_runs WHERE finished_at IS NULL)::text || '|'
                       || (SELECT coalesce(max(fire_time), '-infinity')::text FROM catalog.alert_evaluation_runs) || '|'
                       || (SELECT string_agg(evaluations::text, ',' ORDER BY id) FROM "{schema}".alert_rules)
                """)).Split('|');
            return parts[0] == "0";
        });
        return (parts[1], parts[2].Split(',').Select(long.Parse).ToArray());
    }
}
