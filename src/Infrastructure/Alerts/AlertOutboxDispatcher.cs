using Faultline.Application.Alerts;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.Infrastructure.Scheduling;
using MediatR;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Alerts;

/// <summary>Sends due alert deliveries of every tenant from the catalog outbox.</summary>
internal sealed class AlertOutboxDispatcher(NpgsqlDataSource dataSource, BackgroundWork work, SchemaMigrator migrator,
    ILogger<AlertOutboxDispatcher> logger) : TenantOutboxDispatcher(dataSource, work, migrator, logger)
{
    private static readonly IReadOnlySet<Permission> Sender = new HashSet<Permission> { Permission.AlertsManage };

    protected override string Table => "catalog.alert_outbox";

    protected override string Actor => "system:alerts";

    protected override IReadOnlySet<Permission> Permissions => Sender;

    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(500);

    protected override IRequest<int> NextBatch() => new DeliverAlertNotifications();
}
