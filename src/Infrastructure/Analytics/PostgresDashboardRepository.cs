using System.Text.Json;
using Faultline.Application.Dashboards;
using Faultline.Domain.Analytics;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Analytics;

/// <summary>Dashboards in the tenant's schema; widgets are one jsonb document, always read and written whole.</summary>
internal sealed class PostgresDashboardRepository(TenantConnectionFactory connections) : IDashboardRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<Dashboard>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync("", null, cancellationToken);

    public async Task<Dashboard?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE id = @id", id, cancellationToken)).SingleOrDefault();

    public Task AddAsync(Dashboard dashboard, CancellationToken cancellationToken) => InsertAsync(dashboard, "", cancellationToken);

    public Task AddDefaultIfMissingAsync(Dashboard dashboard, CancellationToken cancellationToken) =>
        InsertAsync(dashboard, "ON CONFLICT (is_default) WHERE is_default DO NOTHING", cancellationToken);

    public async Task UpdateAsync(Dashboard dashboard, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"UPDATE {tenant.Qualified("dashboards")} SET name = @name, description = @description, widgets = @widgets, updated_at = @at WHERE id = @id",
            tenant.Connection);
        AddColumns(command, dashboard);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {tenant.Qualified("dashboards")} WHERE id = @id", tenant.Connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task InsertAsync(Dashboard dashboard, string onConflict, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("dashboards")} (id, name, description, is_default, widgets, created_at, updated_at)
            VALUES (@id, @name, @description, @is_default, @widgets, @created, @at) {onConflict}
            """, tenant.Connection);
        AddColumns(command, dashboard);
        command.Parameters.AddWithValue("is_default", dashboard.IsDefault);
        command.Parameters.AddWithValue("created", dashboard.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddColumns(NpgsqlCommand command, Dashboard dashboard)
    {
        command.Parameters.AddWithValue("id", dashboard.Id);
        command.Parameters.AddWithValue("name", dashboard.Name);
        command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)dashboard.Description ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("widgets", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(dashboard.Widgets, Json) });
        command.Parameters.AddWithValue("at", dashboard.UpdatedAt);
    }

    private async Task<IReadOnlyList<Dashboard>> QueryAsync(string where, Guid? id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT id, name, description, is_default, widgets::text, created_at, updated_at FROM {tenant.Qualified("dashboards")} {where}",
            tenant.Connection);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dashboards = new List<Dashboard>();
        while (await reader.ReadAsync(cancellationToken))
        {
            dashboards.Add(Dashboard.Restore(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                JsonSerializer.Deserialize<List<Widget>>(reader.GetString(4), Json)!, reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return dashboards;
    }
}
