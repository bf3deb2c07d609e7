using Faultline.Application.Common.Exceptions;
using Faultline.Infrastructure.Persistence;
using Faultline.TestSupport;
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
            harness.InScopeAsync(services => ((TenantConnectionFactory)services.GetService(typeof(TenantConnectionFactory))!).OpenAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_tenant_that_does_not_exist_gets_no_connection()
    {
        await using var harness = new InfrastructureHarness(Database, principal: new TenantPrincipal(Guid.NewGuid()));
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            harness.InScopeAsync(services => ((TenantConnectionFactory)services.GetService(typeof(TenantConnectionFactory))!).OpenAsync(CancellationToken.None)));
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
            var factory = (TenantConnectionFactory)services.GetService(typeof(TenantConnectionFactory))!;
            await using var tenant = await factory.OpenAsync(CancellationToken.None);
            return await work(tenant);
        });
    }
}
