using Faultline.Application.Common.Exceptions;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.TestSupport;

namespace Faultline.Infrastructure.Tests;

public sealed class SchemaMigrationTests : DatabaseTest
{
    [Fact]
    public async Task Migrating_an_empty_database_brings_the_catalog_to_the_current_version()
    {
        await using var harness = new InfrastructureHarness(Database);

        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        Assert.True(harness.Migrator.Completed);
        Assert.Equal(SchemaMigrator.CatalogVersion, await Database.ScalarAsync<int>("SELECT max(version) FROM catalog.schema_migrations"));
    }

    [Fact]
    public async Task Two_provisioned_tenants_get_two_schemas_at_the_current_version()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        await harness.ProvisionAsync("acme");
        await harness.ProvisionAsync("globex");

        foreach (var schema in new[] { "t_acme", "t_globex" })
        {
            Assert.Equal(SchemaMigrator.TenantVersion, await Database.ScalarAsync<int>($"SELECT max(version) FROM {schema}.schema_migrations"));
            Assert.Equal(1L, await Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.settings"));
        }
        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.tenants"));
    }

    [Fact]
    public async Task Running_the_migrations_again_changes_nothing()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        await harness.ProvisionAsync("acme");
        const string history = """
            SELECT string_agg(s || ':' || version || ':' || applied_at, ',' ORDER BY s, version) FROM (
              SELECT 'catalog' s, version, applied_at FROM catalog.schema_migrations
              UNION ALL SELECT 't_acme', version, applied_at FROM t_acme.schema_migrations) h
            """;
        var before = await Database.ScalarAsync<string>(history);

        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        Assert.Equal(before, await Database.ScalarAsync<string>(history));
    }

    [Fact]
    public async Task Migrators_started_at_once_apply_each_version_exactly_once()
    {
        // A fresh database: every migrator races to create the catalog.
        await RaceMigratorsAsync();
        Assert.Equal((long)MigrationScript.Load("Catalog").Count, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.schema_migrations"));

        // A tenant in the catalog whose schema no migration has reached yet.
        await using (var harness = new InfrastructureHarness(Database)) await harness.ProvisionAsync("acme");
        await using (var source = Database.CreateDataSource())
        await using (var reset = source.CreateCommand("DROP SCHEMA t_acme CASCADE"))
            await reset.ExecuteNonQueryAsync();

        await RaceMigratorsAsync();
        Assert.Equal((long)MigrationScript.Load("Tenant").Count, await Database.ScalarAsync<long>("SELECT count(*) FROM t_acme.schema_migrations"));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM t_acme.settings"));
    }

    /// <summary>Four processes' worth of migrators, each with its own connection pool, at once.</summary>
    private async Task RaceMigratorsAsync()
    {
        var harnesses = Enumerable.Range(0, 4).Select(_ => new InfrastructureHarness(Database)).ToList();
        try
        {
            await Task.WhenAll(harnesses.Select(h => Task.Run(() => h.Migrator.MigrateAllAsync(CancellationToken.None))));
        }
        finally
        {
            foreach (var harness in harnesses) await harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Provisioning_while_migrating_leaves_every_schema_complete()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        var work = new List<Task> { harness.Migrator.MigrateAllAsync(CancellationToken.None) };
        work.AddRange(Enumerable.Range(0, 5).Select(i => harness.ProvisionAsync($"tenant_{i}")));
        await Task.WhenAll(work);

        Assert.Equal(5L, await Database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'settings' AND table_schema LIKE 't_tenant_%'"));
    }

    [Fact]
    public async Task A_taken_key_is_a_conflict_and_creates_nothing()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        await harness.ProvisionAsync("acme");

        await Assert.ThrowsAsync<ConflictException>(() => harness.ProvisionAsync("acme"));

        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.tenants"));
    }

    [Fact]
    public async Task When_the_schema_cannot_be_created_the_catalog_row_is_rolled_back()
    {
        await using var harness = new InfrastructureHarness(Database);
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        // Something already squats on the schema the migration would create a table in.
        await using (var source = Database.CreateDataSource())
        await using (var squat = source.CreateCommand("CREATE SCHEMA t_clash; CREATE TABLE t_clash.settings (x int)"))
            await squat.ExecuteNonQueryAsync();

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => harness.ProvisionAsync("clash"));

        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.tenants"));
        Assert.Equal(0L, await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 't_clash' AND table_name = 'schema_migrations'"));
    }
}
