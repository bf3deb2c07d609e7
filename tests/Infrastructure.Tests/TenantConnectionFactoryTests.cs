using Faultline.Application.Common.Exceptions;
using Faultline.Infrastructure.Persistence;
using Faultline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Faultline.Infrastructure.Tests;

public sealed class TenantConnectionFactoryTests : DatabaseTest
{
    [Fact]
    public async Task Each_principal_reaches_only_its_own_tenants_tables()
    {
        await using var setup = new InfrastructureHarness(Database);
        await setup.Migrator.MigrateAllAsync(CancellationToken.None);
        var acme = await setup.ProvisionAsync("acme");
        var globex = await setup.ProvisionAsync("globex");

        await SetTimeZoneAsync(acme.Id, "Europe/Berlin");

        Assert.Equal("Europe/Berlin", await ReadTimeZoneAsync(acme.Id));
        Assert.Equal("UTC", await ReadTimeZoneAsync(globex.Id));
    }

    [Fact]
    public async Task A_principal_without_a_tenant_gets_no_connection()
    {
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(null));
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        await Assert.ThrowsAsync<UnauthenticatedException>(() =>
            harness.InScopeAsync(services =>
                services.GetRequiredService<TenantConnectionFactory>().OpenAsync(QueryClass.Interactive, CancellationToken.None)));
    }

    [Fact]
    public async Task A_tenant_that_does_not_exist_gets_no_connection()
    {
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(Guid.NewGuid()));
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            harness.InScopeAsync(services =>
                services.GetRequiredService<TenantConnectionFactory>().OpenAsync(QueryClass.Interactive, CancellationToken.None)));
    }

    [Fact]
    public async Task A_tenant_at_its_limit_waits_for_one_of_its_connections_and_other_tenants_are_not_held_up()
    {
        await using var setup = new InfrastructureHarness(Database);
        await setup.Migrator.MigrateAllAsync(CancellationToken.None);
        var acme = await setup.ProvisionAsync("acme");
        var globex = await setup.ProvisionAsync("globex");
        var limits = new Dictionary<string, string?>
        {
            ["Faultline:Database:MaxConnectionsPerTenant"] = "2",
            ["Faultline:Database:ConnectionWait"] = "00:10:00",
        };
        await using var acmeSide = new InfrastructureHarness(Database, principal: new TenantPrincipal(acme.Id), settings: limits);
        var acmeConnections = acmeSide.Get<TenantConnectionFactory>();

        await using var first = await acmeConnections.OpenAsync(QueryClass.Interactive, CancellationToken.None);
        var second = await acmeConnections.OpenAsync(QueryClass.Interactive, CancellationToken.None);
        var third = acmeConnections.OpenAsync(QueryClass.Interactive, CancellationToken.None);
        // Another tenant of the same process (same limiter, same pool) still gets its connection at once.
        var globexConnections = new TenantConnectionFactory(acmeSide.Get<NpgsqlDataSource>(), new TenantPrincipal(globex.Id),
            acmeSide.Get<TenantSchemaDirectory>(), acmeSide.Get<TenantConnectionLimiter>(), acmeSide.Get<TenantDatabaseLimits>());
        await using var globexConnection = await globexConnections.OpenAsync(QueryClass.Interactive, CancellationToken.None);

        Assert.False(third.IsCompleted);
        await second.DisposeAsync();
        await using var thirdConnection = await third;
        Assert.Equal("t_acme", thirdConnection.Schema);
    }

    [Fact]
    public async Task A_tenant_that_waited_too_long_for_a_connection_is_told_to_come_back()
    {
        await using var setup = new InfrastructureHarness(Database);
        await setup.Migrator.MigrateAllAsync(CancellationToken.None);
        var acme = await setup.ProvisionAsync("acme");
        var settings = new Dictionary<string, string?>
        {
            ["Faultline:Database:MaxConnectionsPerTenant"] = "2",
            ["Faultline:Database:ConnectionWait"] = "00:00:00.100",
        };
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(acme.Id), settings: settings);
        var connections = harness.Get<TenantConnectionFactory>();

        await using (await connections.OpenAsync(QueryClass.Interactive, CancellationToken.None))
        await using (await connections.OpenAsync(QueryClass.Background, CancellationToken.None))
        {
            var refused = await Assert.ThrowsAsync<ServiceUnavailableException>(() =>
                connections.OpenAsync(QueryClass.Analytics, CancellationToken.None));
            Assert.True(refused.RetryAfter > TimeSpan.Zero);
        }

        await using var again = await connections.OpenAsync(QueryClass.Analytics, CancellationToken.None);
    }

    [Fact]
    public async Task Each_query_class_runs_under_its_own_statement_timeout()
    {
        await using var setup = new InfrastructureHarness(Database);
        await setup.Migrator.MigrateAllAsync(CancellationToken.None);
        var acme = await setup.ProvisionAsync("acme");
        var settings = new Dictionary<string, string?>
        {
            ["Faultline:Database:StatementTimeouts:Analytics"] = "00:00:02",
            ["Faultline:Database:StatementTimeouts:Ingest"] = "00:01:00",
        };
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(acme.Id), settings: settings);
        var connections = harness.Get<TenantConnectionFactory>();

        Assert.Equal("2s", await StatementTimeoutAsync(connections, QueryClass.Analytics));
        Assert.Equal("1min", await StatementTimeoutAsync(connections, QueryClass.Ingest));
        Assert.Equal("10s", await StatementTimeoutAsync(connections, QueryClass.Interactive));
        // The pool resets what a tenant connection set: catalog queries keep the server's default.
        await using var catalog = harness.Get<NpgsqlDataSource>().CreateCommand("SHOW statement_timeout");
        Assert.Equal("0", await catalog.ExecuteScalarAsync());
    }

    private static async Task<string> StatementTimeoutAsync(TenantConnectionFactory connections, QueryClass queryClass)
    {
        await using var tenant = await connections.OpenAsync(queryClass, CancellationToken.None);
        await using var command = new NpgsqlCommand("SHOW statement_timeout", tenant.Connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void Table_names_are_quoted_and_plain_identifiers_only()
    {
        var connection = new TenantConnection(new NpgsqlConnection(), "t_acme");

        Assert.Equal("\"t_acme\".\"settings\"", connection.Qualified("settings"));
        Assert.Throws<ArgumentException>(() => connection.Qualified("settings; DROP TABLE x"));
    }

    private Task<int> SetTimeZoneAsync(Guid tenantId, string zone) => WithTenantAsync(tenantId, async tenant =>
    {
        await using var command = new NpgsqlCommand($"UPDATE {tenant.Qualified("settings")} SET time_zone = $1", tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = zone });
        return await command.ExecuteNonQueryAsync();
    });

    private Task<string> ReadTimeZoneAsync(Guid tenantId) => WithTenantAsync(tenantId, async tenant =>
    {
        await using var command = new NpgsqlCommand($"SELECT time_zone FROM {tenant.Qualified("settings")}", tenant.Connection);
        return (string)(await command.ExecuteScalarAsync())!;
    });

    private async Task<T> WithTenantAsync<T>(Guid tenantId, Func<TenantConnection, Task<T>> work)
    {
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(tenantId));
        return await harness.InScopeAsync(async services =>
        {
            var factory = services.GetRequiredService<TenantConnectionFactory>();
            await using var tenant = await factory.OpenAsync(QueryClass.Interactive, CancellationToken.None);
            return await work(tenant);
        });
    }
}
