using Faultline.Application.Common.Metrics;
using Faultline.Infrastructure.Persistence.Migrations;
using Npgsql;

namespace Faultline.Infrastructure.Classification;

/// <summary>
/// Measures every tenant's classification queue together (jobs still to try, and the oldest one's wait) in one
/// statement, for <see cref="FaultlineMetrics"/>; the worker calls it on each periodic sweep.
/// </summary>
internal sealed class ClassificationQueueGauge(NpgsqlDataSource dataSource, FaultlineMetrics metrics)
{
    public async Task MeasureAsync(CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using (var list = dataSource.CreateCommand("SELECT schema_name FROM catalog.tenants"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));
        }

        if (schemas.Count == 0)
        {
            metrics.ClassificationQueueMeasured(0, TimeSpan.Zero);
            return;
        }

        var queues = string.Join("\nUNION ALL ", schemas.Select(schema =>
            $"SELECT count(*) AS jobs, min(enqueued_at) AS oldest FROM {SqlIdentifier.Quote(schema)}.classification_queue " +
            $"WHERE attempts < {PostgresClassificationStore.MaxAttempts}"));
        await using var measure = dataSource.CreateCommand(
            $"SELECT coalesce(sum(jobs), 0)::bigint, coalesce(extract(epoch FROM now() - min(oldest)), 0)::float8 FROM ({queues}) queues");
        await using var result = await measure.ExecuteReaderAsync(cancellationToken);
        await result.ReadAsync(cancellationToken);
        metrics.ClassificationQueueMeasured(result.GetInt64(0), TimeSpan.FromSeconds(result.GetDouble(1)));
    }
}
