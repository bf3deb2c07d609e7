using Faultline.Application.Alerts;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Alerts;

/// <summary>Alert rules, their states, channels and history in the tenant's schema; the outbox rows in the catalog.</summary>
internal sealed class PostgresAlertStore(TenantConnectionFactory connections, Application.Common.Interfaces.ICurrentPrincipal principal) : IAlertStore
{
    public Task<IReadOnlyList<AlertRuleStatus>> ListRulesAsync(CancellationToken cancellationToken) => RulesAsync(null, cancellationToken);

    public async Task<AlertRuleStatus?> FindRuleAsync(Guid id, CancellationToken cancellationToken) =>
        (await RulesAsync(id, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<AlertRuleStatus>> RulesAsync(Guid? id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {AlertRows.RuleColumns}, {AlertRows.StateColumns}
            FROM {tenant.Qualified("alert_rules")} r LEFT JOIN {tenant.Qualified("alert_states")} s ON s.rule_id = r.id
            {(id is null ? "" : "WHERE r.id = @id")}
            ORDER BY r.created_at, r.id
            """, tenant.Connection);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<(AlertRule Rule, DateTimeOffset? Evaluated, List<AlertGroupState> States)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var ruleId = reader.GetGuid(0);
            if (rules.Count == 0 || rules[^1].Rule.Id != ruleId)
                rules.Add((AlertRows.ReadRule(reader), reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16), []));
            if (!reader.IsDBNull(18)) rules[^1].States.Add(AlertRows.ReadState(reader, 17));
        }

        return rules.Select(r => new AlertRuleStatus(r.Rule, r.States, r.Evaluated)).ToList();
    }

    public async Task AddRuleAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("alert_rules")} (id, name, description, enabled, query, condition, window_minutes, for_minutes, severity,
                no_data, on_error, renotify_minutes, channel_ids, muted_until, created_at, updated_at)
            VALUES (@id, @name, @description, @enabled, @query, @condition, @window, @for, @severity, @no_data, @on_error, @renotify, @channels,
                    @muted, @created, @updated)
            """, tenant.Connection);
        AlertRows.AddRuleParameters(command, rule);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateRuleAsync(AlertRule rule, bool resetStates, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("alert_rules")} SET name = @name, description = @description, enabled = @enabled, query = @query,
                condition = @condition, window_minutes = @window, for_minutes = @for, severity = @severity, no_data = @no_data, on_error = @on_error,
                renotify_minutes = @renotify, channel_ids = @channels, muted_until = @muted, updated_at = @updated
                {(resetStates ? ", last_evaluated_at = NULL, last_error = NULL" : "")}
            WHERE id = @id
            """, tenant.Connection, transaction))
        {
            AlertRows.AddRuleParameters(command, rule);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (resetStates)
            await ExecuteAsync(tenant, transaction, $"DELETE FROM {tenant.Qualified("alert_states")} WHERE rule_id = @id", rule.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteRuleAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(tenant, transaction, $"DELETE FROM {tenant.Qualified("alert_rules")} WHERE id = @id", id, cancellationToken);
        await ExecuteAsync(tenant, transaction, "DELETE FROM catalog.alert_outbox WHERE tenant_id = @tenant AND rule_id = @id AND done_at IS NULL", id,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MuteAsync(Guid ruleId, DateTimeOffset? until, AlertHistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"UPDATE {tenant.Qualified("alert_rules")} SET muted_until = @until WHERE id = @id",
                         tenant.Connection, transaction))
        {
            command.Parameters.AddWithValue("id", ruleId);
            command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)until ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var history = AlertRows.InsertHistory(new TenantTransaction(tenant, transaction), [entry]))
            await history.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string?>> AcknowledgeAsync(Guid ruleId, string? group, bool allGroups, string actor, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        var changed = new List<(string? Group, double? Value)>();
        await using (var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("alert_states")} SET acknowledged_at = @at, acknowledged_by = @actor
            WHERE rule_id = @id AND state = 'firing' AND acknowledged_at IS NULL AND (@all OR group_key = @group)
            RETURNING grp, value
            """, tenant.Connection, transaction))
        {
            command.Parameters.AddWithValue("id", ruleId);
            command.Parameters.AddWithValue("at", at);
            command.Parameters.AddWithValue("actor", actor);
            command.Parameters.AddWithValue("all", allGroups);
            command.Parameters.AddWithValue("group", group ?? "");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                changed.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1)));
        }

        if (changed.Count > 0)
        {
            var name = await RuleNameAsync(tenant, transaction, ruleId, cancellationToken);
            await using var history = AlertRows.InsertHistory(new TenantTransaction(tenant, transaction), changed.Select(c =>
                new AlertHistoryEntry(0, at, "acknowledge", ruleId, name, c.Group, null, "firing", c.Value, null, null, null, null, null, null, actor)).ToList());
            await history.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed.Select(c => c.Group).ToList();
    }

    private static async Task<string?> RuleNameAsync(TenantConnection tenant, NpgsqlTransaction transaction, Guid ruleId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT name FROM {tenant.Qualified("alert_rules")} WHERE id = @id", tenant.Connection, transaction);
        command.Parameters.AddWithValue("id", ruleId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<AlertChannel>> ListChannelsAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT id, name, kind, url, recipients, secret, created_at FROM {tenant.Qualified("alert_channels")} ORDER BY created_at, id",
            tenant.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var channels = new List<AlertChannel>();
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(new AlertChannel(reader.GetGuid(0), reader.GetString(1), EnumCode.Parse<ChannelKind>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return channels;
    }

    public async Task<IReadOnlyDictionary<Guid, ChannelHealth>> ChannelHealthAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT c.id, last.at, last.outcome = 'sent', CASE WHEN last.outcome = 'sent' THEN NULL ELSE last.detail END,
                   (SELECT count(*) FROM {tenant.Qualified("alert_history")} h
                    WHERE h.channel_id = c.id AND h.kind IN ('delivery', 'test') AND h.outcome <> 'sent' AND h.at > @at - interval '24 hours')::int,
                   (SELECT count(*) FROM catalog.alert_outbox o WHERE o.tenant_id = @tenant AND o.channel_id = c.id AND o.done_at IS NULL)::int
            FROM {tenant.Qualified("alert_channels")} c
            LEFT JOIN LATERAL (SELECT h.at, h.outcome, h.detail FROM {tenant.Qualified("alert_history")} h
                               WHERE h.channel_id = c.id AND h.kind IN ('delivery', 'test') ORDER BY h.id DESC LIMIT 1) last ON true
            """, tenant.Connection);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("tenant", TenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var health = new Dictionary<Guid, ChannelHealth>();
        while (await reader.ReadAsync(cancellationToken))
        {
            health[reader.GetGuid(0)] = new ChannelHealth(reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5));
        }

        return health;
    }

    public async Task AddChannelAsync(AlertChannel channel, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("alert_channels")} (id, name, kind, url, recipients, secret, created_at)
            VALUES (@id, @name, @kind, @url, @recipients, @secret, @created)
            """, tenant.Connection);
        command.Parameters.AddWithValue("id", channel.Id);
        command.Parameters.AddWithValue("name", channel.Name);
        command.Parameters.AddWithValue("kind", EnumCode.Of(channel.Kind));
        command.Parameters.Add(new NpgsqlParameter("url", NpgsqlDbType.Text) { Value = (object?)channel.Url ?? DBNull.Value });
        command.Parameters.AddWithValue("recipients", channel.Recipients.ToArray());
        command.Parameters.Add(new NpgsqlParameter("secret", NpgsqlDbType.Text) { Value = (object?)channel.Secret ?? DBNull.Value });
        command.Parameters.AddWithValue("created", channel.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteChannelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        var deleted = await ExecuteAsync(tenant, transaction, $"DELETE FROM {tenant.Qualified("alert_channels")} WHERE id = @id", id, cancellationToken);
        if (deleted == 0) return false;
        await ExecuteAsync(tenant, transaction,
            $"UPDATE {tenant.Qualified("alert_rules")} SET channel_ids = array_remove(channel_ids, @id) WHERE @id = ANY (channel_ids)", id,
            cancellationToken);
        await ExecuteAsync(tenant, transaction, "DELETE FROM catalog.alert_outbox WHERE tenant_id = @tenant AND channel_id = @id AND done_at IS NULL",
            id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AppendHistoryAsync(IReadOnlyList<AlertHistoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = AlertRows.InsertHistory(new TenantTransaction(tenant, null), entries);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertHistoryEntry>> HistoryAsync(AlertHistoryFilter filter, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        var conditions = new List<string>();
        await using var command = new NpgsqlCommand { Connection = tenant.Connection };
        void Where(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (filter.RuleId is { } rule) Where("rule_id = @rule", "rule", rule);
        if (filter.ChannelId is { } channel) Where("channel_id = @channel", "channel", channel);
        if (filter.Kind is { } kind) Where("kind = @kind", "kind", kind);
        if (filter.State is { } state) Where("to_state = @state", "state", state);
        if (filter.From is { } from) Where("at >= @from", "from", from);
        if (filter.To is { } to) Where("at < @to", "to", to);
        if (filter.Before is { } before) Where("id < @before", "before", before);
        command.Parameters.AddWithValue("limit", filter.Limit);
        command.CommandText = $"""
            SELECT id, {AlertRows.HistoryColumns} FROM {tenant.Qualified("alert_history")}
            {(conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "")}
            ORDER BY id DESC LIMIT @limit
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AlertHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken)) entries.Add(AlertRows.ReadHistory(reader));
        return entries;
    }

    private Guid TenantId => principal.TenantId!.Value;

    private async Task<int> ExecuteAsync(TenantConnection tenant, NpgsqlTransaction transaction, string sql, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, tenant.Connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("tenant", TenantId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
