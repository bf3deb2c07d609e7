using Faultline.Application.Settings;
using Faultline.Infrastructure.Persistence;
using Npgsql;

namespace Faultline.Infrastructure.Settings;

internal sealed class PostgresTenantSettingsStore(TenantConnectionFactory connections) : ITenantSettingsStore
{
    public async Task<TenantSettings> GetAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT time_zone, runner_minute_price FROM {tenant.Qualified("settings")}", tenant.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TenantSettings(reader.GetString(0), reader.GetDecimal(1));
    }

    public async Task SaveAsync(TenantSettings settings, CancellationToken cancellationToken)
    {
        // A new zone rewrites the daily rollups as ingestion does, so it gets ingestion's statement timeout.
        await using var tenant = await connections.OpenAsync(QueryClass.Ingest, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        var set = $"""
            UPDATE {tenant.Qualified("settings")}
            SET time_zone = $1, runner_minute_price = $2, data_version = data_version + 1, updated_at = now()
            """;
        if (await ExecuteAsync($"{set} WHERE time_zone = $1", settings.TimeZone, settings.RunnerMinutePrice) == 0)
        {
            // Ingestion adds to the daily rollups (at the zone's local day) before it moves the data version on. Taking
            // the table before the settings row lets the ingests under way finish first and makes later ones wait and
            // then see the new zone, so no day is added in the old zone after the re-cut, and no deadlock.
            var daily = tenant.Qualified("job_rollups_daily");
            await ExecuteAsync($"LOCK TABLE {daily} IN SHARE ROW EXCLUSIVE MODE");
            await ExecuteAsync(set, settings.TimeZone, settings.RunnerMinutePrice);
            await ExecuteAsync($"DELETE FROM {daily}");
            await ExecuteAsync($"""
                INSERT INTO {daily} (day, repository_id, pipeline_id, job_name, status, jobs, duration_ms, queue_ms)
                SELECT (hour AT TIME ZONE $1)::date, repository_id, pipeline_id, job_name, status, sum(jobs), sum(duration_ms), sum(queue_ms)
                FROM {tenant.Qualified("job_rollups_hourly")}
                GROUP BY 1, 2, 3, 4, 5
                HAVING sum(jobs) <> 0 OR sum(duration_ms) <> 0 OR sum(queue_ms) <> 0
                """, settings.TimeZone);
        }

        await transaction.CommitAsync(cancellationToken);

        async Task<int> ExecuteAsync(string sql, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, tenant.Connection, transaction);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
