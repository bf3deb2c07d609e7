using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Alerts;

/// <summary>
/// Evaluation leases: the rule row locked FOR UPDATE SKIP LOCKED for the evaluation's transaction,
/// and only when it was not yet evaluated for this instant, so concurrent evaluators (the minute
/// job on one instance, an ingest on another) never both act on one rule.
/// </summary>
internal sealed class PostgresAlertEvaluationStore(TenantConnectionFactory connections, ICurrentPrincipal principal) : IAlertEvaluationStore
{
    public async Task<IReadOnlyList<(Guid Id, string? Repository)>> EnabledRulesAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT id, query -> 'filters' ->> 'repository' FROM {tenant.Qualified("alert_rules")} WHERE enabled ORDER BY id", tenant.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<(Guid, string?)>();
        while (await reader.ReadAsync(cancellationToken)) rules.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rules;
    }

    public async Task<IAlertEvaluationLease?> TryLeaseAsync(Guid ruleId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
            AlertRule? rule = null;
            await using (var command = new NpgsqlCommand($"""
                SELECT {AlertRows.RuleColumns} FROM {tenant.Qualified("alert_rules")} r
                WHERE r.id = @id AND r.enabled AND (r.last_evaluated_at IS NULL OR r.last_evaluated_at < @at)
                FOR UPDATE SKIP LOCKED
                """, tenant.Connection, transaction))
            {
                command.Parameters.AddWithValue("id", ruleId);
                command.Parameters.AddWithValue("at", at);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken)) rule = AlertRows.ReadRule(reader);
            }

            if (rule is null)
            {
                await transaction.DisposeAsync();
                await tenant.DisposeAsync();
                return null;
            }

            var states = new List<AlertGroupState>();
            await using (var command = new NpgsqlCommand(
                             $"SELECT {AlertRows.StateColumns} FROM {tenant.Qualified("alert_states")} s WHERE s.rule_id = @id", tenant.Connection,
                             transaction))
            {
                command.Parameters.AddWithValue("id", ruleId);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) states.Add(AlertRows.ReadState(reader, 0));
            }

            return new Lease(tenant, transaction, rule, states, at, principal.TenantId!.Value);
        }
        catch
        {
            if (transaction is not null) await transaction.DisposeAsync();
            await tenant.DisposeAsync();
            throw;
        }
    }

    private sealed class Lease(
        TenantConnection tenant, NpgsqlTransaction transaction, AlertRule rule, IReadOnlyList<AlertGroupState> states, DateTimeOffset at, Guid tenantId)
        : IAlertEvaluationLease
    {
        public AlertRule Rule => rule;

        public IReadOnlyList<AlertGroupState> States => states;

        public async Task CommitAsync(AlertEvaluation evaluation, IReadOnlyList<AlertNotification> notifications, string? error,
            CancellationToken cancellationToken)
        {
            await ExecuteAsync($"DELETE FROM {tenant.Qualified("alert_states")} WHERE rule_id = @id", cancellationToken);
            if (evaluation.States.Count > 0) await InsertStatesAsync(evaluation.States, cancellationToken);

            if (evaluation.Transitions.Count > 0)
            {
                await using var history = AlertRows.InsertHistory(new TenantTransaction(tenant, transaction), evaluation.Transitions.Select(t =>
                    new AlertHistoryEntry(0, at, "state", rule.Id, rule.Name, t.Group, EnumCode.Of(t.From), EnumCode.Of(t.To), t.Value,
                        rule.Condition.Threshold, null, null, null, null, t.Detail, null)).ToList());
                await history.ExecuteNonQueryAsync(cancellationToken);
            }

            var deliveries = notifications.SelectMany(n => rule.ChannelIds.Select(channel => (Notification: n, Channel: channel))).ToList();
            if (deliveries.Count > 0)
            {
                await using var outbox = new NpgsqlCommand("""
                    INSERT INTO catalog.alert_outbox (id, tenant_id, rule_id, channel_id, notification, created_at, next_attempt_at)
                    SELECT gen_random_uuid(), @tenant, @rule, channel, notification::jsonb, now(), now()
                    FROM unnest(@channels, @notifications) AS d (channel, notification)
                    """, tenant.Connection, transaction);
                outbox.Parameters.AddWithValue("tenant", tenantId);
                outbox.Parameters.AddWithValue("rule", rule.Id);
                outbox.Parameters.AddWithValue("channels", deliveries.Select(d => d.Channel).ToArray());
                outbox.Parameters.AddWithValue("notifications", deliveries.Select(d => JsonSerializer.Serialize(d.Notification, AlertRows.Json)).ToArray());
                await outbox.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var update = new NpgsqlCommand($"""
                UPDATE {tenant.Qualified("alert_rules")} SET last_evaluated_at = @at, evaluations = evaluations + 1, last_error = @error WHERE id = @id
                """, tenant.Connection, transaction))
            {
                update.Parameters.AddWithValue("id", rule.Id);
                update.Parameters.AddWithValue("at", at);
                update.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        private async Task InsertStatesAsync(IReadOnlyList<AlertGroupState> groups, CancellationToken cancellationToken)
        {
            // One row per group; recent values travel as text because unnest flattens arrays of arrays.
            await using var command = new NpgsqlCommand($"""
                INSERT INTO {tenant.Qualified("alert_states")} (rule_id, group_key, grp, state, since, value, last_notified_at, acknowledged_at,
                    acknowledged_by, recent_values)
                SELECT @id, coalesce(g, ''), g, st, si, v, ln, ack, ackby, rv::float8[]
                FROM unnest(@grp, @state, @since, @value, @notified, @acked, @acked_by, @recent) AS x (g, st, si, v, ln, ack, ackby, rv)
                """, tenant.Connection, transaction);
            command.Parameters.AddWithValue("id", rule.Id);
            command.Parameters.Add(AlertRows.NullableArray("grp", NpgsqlDbType.Text, groups.Select(g => (object?)g.Group)));
            command.Parameters.AddWithValue("state", groups.Select(g => EnumCode.Of(g.State)).ToArray());
            command.Parameters.AddWithValue("since", groups.Select(g => g.Since).ToArray());
            command.Parameters.Add(AlertRows.NullableArray("value", NpgsqlDbType.Double, groups.Select(g => (object?)g.Value)));
            command.Parameters.Add(AlertRows.NullableArray("notified", NpgsqlDbType.TimestampTz, groups.Select(g => (object?)g.LastNotifiedAt)));
            command.Parameters.Add(AlertRows.NullableArray("acked", NpgsqlDbType.TimestampTz, groups.Select(g => (object?)g.AcknowledgedAt)));
            command.Parameters.Add(AlertRows.NullableArray("acked_by", NpgsqlDbType.Text, groups.Select(g => (object?)g.AcknowledgedBy)));
            command.Parameters.AddWithValue("recent", groups.Select(g => "{" + string.Join(',', g.RecentValues.Select(v =>
                v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "}").ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, tenant.Connection, transaction);
            command.Parameters.AddWithValue("id", rule.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await tenant.DisposeAsync();
        }
    }
}
