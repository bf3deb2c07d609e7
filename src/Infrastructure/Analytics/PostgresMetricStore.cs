using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using Faultline.Infrastructure.Persistence;
using Npgsql;

namespace Faultline.Infrastructure.Analytics;

internal sealed class PostgresMetricStore(TenantConnectionFactory connections) : IMetricStore
{
    public async Task<MetricResult> ComputeAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Analytics, cancellationToken);
        var sql = new MetricSql(tenant, query);
        await using var command = new NpgsqlCommand(sql.Text, tenant.Connection);
        command.Parameters.AddRange(sql.Parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var series = new List<MetricSeries>();
        var table = new List<MetricTableRow>();
        if (query.Metric.Shape == MetricShape.Table) await ReadTableAsync(reader, query.Metric, table, cancellationToken);
        else await ReadSeriesAsync(reader, query.Metric, series, cancellationToken);

        return new MetricResult(query.Metric.Code, EnumCode.Of(query.Metric.Unit), EnumCode.Of(query.Metric.Shape), query.From, query.To,
            query.Bucket is { } bucket ? EnumCode.Of(bucket) : null, query.GroupBy is { } groupBy ? EnumCode.Of(groupBy) : null, series, table);
    }

    // Rows come ordered by group, then bucket.
    private static async Task ReadSeriesAsync(NpgsqlDataReader reader, MetricDefinition metric, List<MetricSeries> series,
        CancellationToken cancellationToken)
    {
        string? currentGroup = null;
        List<MetricPoint>? points = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (points is null || group != currentGroup)
            {
                points = [];
                currentGroup = group;
                series.Add(new MetricSeries(group, points));
            }

            DateTimeOffset? at = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            double? value = reader.IsDBNull(2) ? (metric.ZeroWhenEmpty ? 0 : null) : reader.GetDouble(2);
            points.Add(new MetricPoint(at, value));
        }
    }

    private static async Task ReadTableAsync(NpgsqlDataReader reader, MetricDefinition metric, List<MetricTableRow> table,
        CancellationToken cancellationToken)
    {
        var (fields, values) = MetricSql.TableColumns(metric);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new MetricTableRow(
                fields.Select((name, i) => (name, value: reader.IsDBNull(i) ? null : reader.GetString(i))).ToDictionary(x => x.name, x => x.value),
                values.Select((name, i) => (name, value: reader.IsDBNull(fields.Length + i) ? (double?)null : reader.GetDouble(fields.Length + i)))
                    .ToDictionary(x => x.name, x => x.value));
            table.Add(row);
        }
    }
}
