using System.Text.Json;
using Faultline.Application.Alerts;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Alerts;

/// <summary>Rules, states and history entries to and from their rows; one place for the column lists.</summary>
internal static class AlertRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string RuleColumns = """
        r.id, r.name, r.description, r.enabled, r.query::text, r.condition::text, r.window_minutes, r.for_minutes, r.severity, r.no_data,
        r.on_error, r.renotify_minutes, r.channel_ids, r.muted_until, r.created_at, r.updated_at, r.last_evaluated_at
        """;

    public const string StateColumns = "s.grp, s.state, s.since, s.value, s.last_notified_at, s.acknowledged_at, s.acknowledged_by, s.recent_values";

    public static AlertRule ReadRule(NpgsqlDataReader reader)
    {
        var condition = JsonSerializer.Deserialize<ConditionDto>(reader.GetString(5), Json)!;
        return new AlertRule(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
            JsonSerializer.Deserialize<MetricSpec>(reader.GetString(4), Json)!,
            new AlertCondition(EnumCode.Parse<ConditionKind>(condition.Kind), condition.Threshold, condition.Upper, condition.RecoveryThreshold),
            reader.GetInt32(6), reader.GetInt32(7), EnumCode.Parse<AlertSeverity>(reader.GetString(8)), EnumCode.Parse<NoDataHandling>(reader.GetString(9)),
            EnumCode.Parse<ErrorHandling>(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetInt32(11), reader.GetFieldValue<Guid[]>(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14),
            reader.GetFieldValue<DateTimeOffset>(15));
    }

    /// <summary>A state from the columns of <see cref="StateColumns"/> starting at <paramref name="first"/>.</summary>
    public static AlertGroupState ReadState(NpgsqlDataReader reader, int first) => new(
        reader.IsDBNull(first) ? null : reader.GetString(first), EnumCode.Parse<AlertState>(reader.GetString(first + 1)),
        reader.GetFieldValue<DateTimeOffset>(first + 2), reader.IsDBNull(first + 3) ? null : reader.GetDouble(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetFieldValue<DateTimeOffset>(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetFieldValue<DateTimeOffset>(first + 5), reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6),
        reader.GetFieldValue<double[]>(first + 7));

    public static void AddRuleParameters(NpgsqlCommand command, AlertRule rule)
    {
        command.Parameters.AddWithValue("id", rule.Id);
        command.Parameters.AddWithValue("name", rule.Name);
        command.Parameters.Add(new NpgsqlParameter("description", NpgsqlDbType.Text) { Value = (object?)rule.Description ?? DBNull.Value });
        command.Parameters.AddWithValue("enabled", rule.Enabled);
        command.Parameters.Add(new NpgsqlParameter("query", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(rule.Query, Json) });
        command.Parameters.Add(new NpgsqlParameter("condition", NpgsqlDbType.Jsonb)
        {
            Value = JsonSerializer.Serialize(ConditionDto.From(rule.Condition), Json),
        });
        command.Parameters.AddWithValue("window", rule.WindowMinutes);
        command.Parameters.AddWithValue("for", rule.ForMinutes);
        command.Parameters.AddWithValue("severity", EnumCode.Of(rule.Severity));
        command.Parameters.AddWithValue("no_data", EnumCode.Of(rule.NoData));
        command.Parameters.AddWithValue("on_error", EnumCode.Of(rule.OnError));
        command.Parameters.Add(new NpgsqlParameter("renotify", NpgsqlDbType.Integer) { Value = (object?)rule.RenotifyMinutes ?? DBNull.Value });
        command.Parameters.AddWithValue("channels", rule.ChannelIds.ToArray());
        command.Parameters.Add(new NpgsqlParameter("muted", NpgsqlDbType.TimestampTz) { Value = (object?)rule.MutedUntil ?? DBNull.Value });
        command.Parameters.AddWithValue("created", rule.CreatedAt);
        command.Parameters.AddWithValue("updated", rule.UpdatedAt);
    }

    public const string HistoryColumns =
        "at, kind, rule_id, rule_name, grp, from_state, to_state, value, threshold, channel_id, channel_name, attempt, outcome, detail, actor";

    /// <summary>Appends history entries with one statement (unnest of column arrays).</summary>
    public static NpgsqlCommand InsertHistory(TenantTransaction tenant, IReadOnlyList<AlertHistoryEntry> entries)
    {
        var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("alert_history")} ({HistoryColumns})
            SELECT * FROM unnest(@at, @kind, @rule_id, @rule_name, @grp, @from_state, @to_state, @value, @threshold, @channel_id, @channel_name,
                                 @attempt, @outcome, @detail, @actor)
            """, tenant.Connection, tenant.Transaction);
        command.Parameters.AddWithValue("at", entries.Select(e => e.At).ToArray());
        command.Parameters.AddWithValue("kind", entries.Select(e => e.Kind).ToArray());
        command.Parameters.Add(NullableArray("rule_id", NpgsqlDbType.Uuid, entries.Select(e => (object?)e.RuleId)));
        command.Parameters.Add(NullableArray("rule_name", NpgsqlDbType.Text, entries.Select(e => (object?)e.RuleName)));
        command.Parameters.Add(NullableArray("grp", NpgsqlDbType.Text, entries.Select(e => (object?)e.Group)));
        command.Parameters.Add(NullableArray("from_state", NpgsqlDbType.Text, entries.Select(e => (object?)e.FromState)));
        command.Parameters.Add(NullableArray("to_state", NpgsqlDbType.Text, entries.Select(e => (object?)e.ToState)));
        command.Parameters.Add(NullableArray("value", NpgsqlDbType.Double, entries.Select(e => (object?)e.Value)));
        command.Parameters.Add(NullableArray("threshold", NpgsqlDbType.Double, entries.Select(e => (object?)e.Threshold)));
        command.Parameters.Add(NullableArray("channel_id", NpgsqlDbType.Uuid, entries.Select(e => (object?)e.ChannelId)));
        command.Parameters.Add(NullableArray("channel_name", NpgsqlDbType.Text, entries.Select(e => (object?)e.ChannelName)));
        command.Parameters.Add(NullableArray("attempt", NpgsqlDbType.Integer, entries.Select(e => (object?)e.Attempt)));
        command.Parameters.Add(NullableArray("outcome", NpgsqlDbType.Text, entries.Select(e => (object?)e.Outcome)));
        command.Parameters.Add(NullableArray("detail", NpgsqlDbType.Text, entries.Select(e => (object?)e.Detail)));
        command.Parameters.Add(NullableArray("actor", NpgsqlDbType.Text, entries.Select(e => (object?)e.Actor)));
        return command;
    }

    public static NpgsqlParameter NullableArray(string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.Select(v => v ?? DBNull.Value).ToArray() };

    public static AlertHistoryEntry ReadHistory(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3),
        Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7), reader.IsDBNull(8) ? null : reader.GetDouble(8),
        reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.IsDBNull(10) ? null : reader.GetGuid(10), Text(reader, 11),
        reader.IsDBNull(12) ? null : reader.GetInt32(12), Text(reader, 13), Text(reader, 14), Text(reader, 15));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>A tenant connection with the transaction statements join.</summary>
internal sealed record TenantTransaction(Persistence.TenantConnection Tenant, NpgsqlTransaction? Transaction)
{
    public NpgsqlConnection Connection => Tenant.Connection;

    public string Qualified(string name) => Tenant.Qualified(name);
}
