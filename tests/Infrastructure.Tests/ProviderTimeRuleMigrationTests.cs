using Faultline.Domain;
using Faultline.Domain.Ingestion;
using Faultline.TestSupport;
using Npgsql;

namespace Faultline.Infrastructure.Tests;

/// <summary>Migration V0008 on a tenant that stored rows breaking the time rule before it was enforced.</summary>
public sealed class ProviderTimeRuleMigrationTests : DatabaseTest
{
    [Fact]
    public async Task Existing_rows_are_clamped_with_their_rollups_before_the_time_rule_is_enforced()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        await harness.ProvisionAsync("acme");
        // The tenant as version 7 left it: a job whose late in_progress moved its start an hour past its finish, counted
        // in the rollups as ingestion counted it (a negative duration), a run queued after it started, and a sound job.
        await ExecuteAsync("""
            SET search_path TO t_acme;
            ALTER TABLE pipeline_runs DROP CONSTRAINT pipeline_runs_queued_before_started, DROP CONSTRAINT pipeline_runs_started_before_finished,
                DROP CONSTRAINT pipeline_runs_queued_before_finished, DROP CONSTRAINT pipeline_runs_status;
            ALTER TABLE job_runs DROP CONSTRAINT job_runs_queued_before_started, DROP CONSTRAINT job_runs_started_before_finished,
                DROP CONSTRAINT job_runs_queued_before_finished, DROP CONSTRAINT job_runs_status;
            DELETE FROM schema_migrations WHERE version = 8;
            INSERT INTO repositories (provider, name) VALUES ('github', 'acme/api');
            INSERT INTO pipelines (repository_id, name) VALUES (1, 'CI');
            INSERT INTO pipeline_runs (provider, external_id, attempt, repository_id, pipeline_id, branch, status, queued_at, started_at, finished_at)
            VALUES ('github', 'r1', 1, 1, 1, 'main', 'success', '2026-11-20 10:05Z', '2026-11-20 10:00Z', '2026-11-20 10:30Z');
            INSERT INTO job_runs (provider, external_id, attempt, run_external_id, repository_id, pipeline_id, branch, name, status,
                                  queued_at, started_at, finished_at)
            VALUES ('github', 'bad', 1, 'r1', 1, 1, 'main', 'build', 'failure', '2026-11-20 10:00Z', '2026-11-20 11:00Z', '2026-11-20 10:30Z'),
                   ('github', 'sound', 1, 'r1', 1, 1, 'main', 'test', 'success', '2026-11-20 10:00Z', '2026-11-20 10:01Z', '2026-11-20 10:11Z');
            INSERT INTO job_rollups_hourly (hour, repository_id, pipeline_id, job_name, branch, status, jobs, duration_ms, queue_ms)
            VALUES ('2026-11-20 10:00Z', 1, 1, 'build', 'main', 'failure', 1, -1800000, 3600000),
                   ('2026-11-20 10:00Z', 1, 1, 'test', 'main', 'success', 1, 600000, 60000);
            INSERT INTO job_rollups_daily (day, repository_id, pipeline_id, job_name, status, jobs, duration_ms, queue_ms)
            VALUES ('2026-11-20', 1, 1, 'build', 'failure', 1, -1800000, 3600000), ('2026-11-20', 1, 1, 'test', 'success', 1, 600000, 60000);
            """);

        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        // The start is the anchor: the finish moves up to it, the run's queue time down to its start.
        Assert.Equal("bad:10:00/11:00/11:00,sound:10:00/10:01/10:11", await ScalarAsync("""
            SELECT string_agg(external_id || ':' || to_char(queued_at AT TIME ZONE 'UTC', 'HH24:MI')
                              || '/' || to_char(started_at AT TIME ZONE 'UTC', 'HH24:MI')
                              || '/' || to_char(finished_at AT TIME ZONE 'UTC', 'HH24:MI'), ',' ORDER BY external_id) FROM t_acme.job_runs
            """));
        Assert.Equal("10:00", await ScalarAsync("SELECT to_char(queued_at AT TIME ZONE 'UTC', 'HH24:MI') FROM t_acme.pipeline_runs"));
        // The bad job left its hour and counts in the hour it now finishes in, with a zero duration; the sound one is untouched.
        Assert.Equal("10:build:0:0:0,10:test:1:600000:60000,11:build:1:0:3600000", await ScalarAsync("""
            SELECT string_agg(to_char(hour AT TIME ZONE 'UTC', 'HH24') || ':' || job_name || ':' || jobs || ':' || duration_ms || ':' || queue_ms, ','
                              ORDER BY hour, job_name) FROM t_acme.job_rollups_hourly
            """));
        Assert.Equal("build:1:0:3600000,test:1:600000:60000", await ScalarAsync(
            "SELECT string_agg(job_name || ':' || jobs || ':' || duration_ms || ':' || queue_ms, ',' ORDER BY job_name) FROM t_acme.job_rollups_daily"
            ));

        // From now on the database refuses what breaks the rule, or a status it does not know.
        var broken = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "UPDATE t_acme.job_runs SET started_at = finished_at + interval '1 second' WHERE external_id = 'sound'"));
        Assert.Equal("job_runs_started_before_finished", broken.ConstraintName);
        var unknown = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE t_acme.pipeline_runs SET status = 'done'"));
        Assert.Equal("pipeline_runs_status", unknown.ConstraintName);
    }

    [Fact]
    public async Task The_database_accepts_every_canonical_status_of_the_domain()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        await harness.ProvisionAsync("acme");
        var statuses = EnumCode.All<PipelineStatus>();

        await ExecuteAsync($"""
            INSERT INTO t_acme.repositories (provider, name) VALUES ('api', 'acme/api');
            INSERT INTO t_acme.pipelines (repository_id, name) VALUES (1, 'CI');
            INSERT INTO t_acme.pipeline_runs (provider, external_id, attempt, repository_id, pipeline_id, branch, status)
            SELECT 'api', status, 1, 1, 1, 'main', status FROM unnest(ARRAY['{string.Join("', '", statuses)}']) AS status;
            """);

        Assert.Equal(statuses.Count, await Database.ScalarAsync<long>("SELECT count(*) FROM t_acme.pipeline_runs"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var source = Database.CreateDataSource();
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private Task<string> ScalarAsync(string sql) => Database.ScalarAsync<string>(sql);
}
