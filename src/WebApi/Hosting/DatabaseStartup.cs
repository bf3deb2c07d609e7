using Faultline.Application.Tenants;
using Faultline.Domain.Accounts;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure.Persistence.Migrations;
using MediatR;

namespace Faultline.WebApi.Hosting;

/// <summary>
/// Migrates every schema when the service starts, retrying while PostgreSQL is unreachable (the
/// service stays live and reports not-ready meanwhile), then provisions the demo tenant if one is
/// configured.
/// </summary>
public sealed class DatabaseStartup(SchemaMigrator migrator, IServiceScopeFactory scopes, IConfiguration configuration,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.MigrateAllAsync(stoppingToken);
                await EnsureDemoTenantAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database start-up failed, retrying in {Delay}: {Message}", delay, exception.Message);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 15));
            }
        }
    }

    private async Task EnsureDemoTenantAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Faultline:DemoTenant");
        if (string.IsNullOrEmpty(section["Key"])) return;

        var request = new EnsureDemoTenant(
            TenantKey.Parse(section["Key"]!),
            section["Name"] is { Length: > 0 } name ? name : "Demo",
            EmailAddress.Parse(section["OwnerEmail"] is { Length: > 0 } email ? email : "demo@faultline.local"),
            section["OwnerPassword"] is { Length: > 0 } password ? password : "faultline-demo-password");
        await using var scope = scopes.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
        logger.LogInformation("Demo tenant {Key} (schema {Schema}): log in as {Email}", tenant.Key, tenant.SchemaName, request.OwnerEmail);
    }
}
