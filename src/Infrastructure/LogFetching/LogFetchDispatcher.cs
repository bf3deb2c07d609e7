using Faultline.Application.LogFetching;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Notifications;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.Infrastructure.Scheduling;
using MediatR;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.LogFetching;

/// <summary>Downloads due job logs of every tenant from catalog.log_fetches; prunes finished rows once an hour.</summary>
internal sealed class LogFetchDispatcher(NpgsqlDataSource dataSource, BackgroundWork work, SchemaMigrator migrator, LogFetchOptions options,
    ILogger<LogFetchDispatcher> logger) : TenantOutboxDispatcher(dataSource, work, migrator, logger)
{
    private static readonly IReadOnlySet<Permission> Fetcher = new HashSet<Permission> { Permission.DataIngest };
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long? _prunedAt;

    protected override string Table => "catalog.log_fetches";

    protected override string Actor => "system:logs";

    protected override IReadOnlySet<Permission> Permissions => Fetcher;

    protected override TimeSpan PollInterval => options.PollInterval;

    protected override IRequest<int> NextBatch() => new FetchJobLogs();

    protected override async Task AfterRoundAsync(CancellationToken cancellationToken)
    {
        if (_prunedAt is { } at && TimeProvider.System.GetElapsedTime(at) < PruneInterval) return;
        await OutboxRetention.PruneAsync(DataSource, Table, "done_at", cancellationToken);
        _prunedAt = TimeProvider.System.GetTimestamp();
    }
}
