using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Reports;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using Faultline.Domain.Reports;
using Faultline.Infrastructure.Notifications;
using Faultline.Infrastructure.Persistence;
using Faultline.Infrastructure.Persistence.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// Report schedules, runs and files in the tenant's schema. A due time is claimed by inserting its run row while the
/// schedule row is locked (FOR UPDATE SKIP LOCKED), and the row is unique per (schedule, due time): two instances never
/// both claim one. A run's outcome, its files and the e-mail it queues (catalog.email_outbox) commit together.
/// </summary>
internal sealed class PostgresReportStore(TenantConnectionFactory connections, TenantSchemaDirectory directory, NpgsqlDataSource dataSource)
    : IReportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ScheduleColumns = """
        s.id, s.name, s.dashboard_id, s.range_code, s.filters::text, s.recipients, s.slack_channel_id, s.frequency, s.at_time, s.weekday,
        s.day_of_month, s.time_zone, s.format, s.include_changes, s.paper, s.orientation, s.paused, s.next_run_at, s.created_at, s.updated_at
        """;

    private const int ScheduleColumnCount = 20;

    private static string RunColumns(TenantConnection tenant) => $"""
        r.id, r.schedule_id, r.due_at, r.triggered_by, r.status, r.started_at, r.finished_at, r.duration_ms, r.size_bytes, r.pages,
        r.range_from, r.range_to, r.recipients, r.errors,
        EXISTS (SELECT 1 FROM {tenant.Qualified("report_files")} f WHERE f.run_id = r.id AND f.kind = 'pdf' AND f.expires_at > now()) AS has_pdf,
        EXISTS (SELECT 1 FROM {tenant.Qualified("report_files")} f WHERE f.run_id = r.id AND f.kind = 'csv' AND f.expires_at > now()) AS has_csv,
        CASE WHEN r.slack_message IS NULL THEN NULL WHEN r.slack_sent_at IS NOT NULL THEN 'sent'
             WHEN r.slack_next_at IS NOT NULL THEN 'pending' ELSE 'failed' END AS slack_status, r.slack_error
        """;

    public async Task<IReadOnlyList<ReportScheduleStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ScheduleColumns}, last.* FROM {tenant.Qualified("report_schedules")} s
            LEFT JOIN LATERAL (SELECT {RunColumns(tenant)} FROM {tenant.Qualified("report_runs")} r WHERE r.schedule_id = s.id
                               ORDER BY r.started_at DESC LIMIT 1) last ON true
            ORDER BY s.name, s.id
            """, tenant.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ReportScheduleStatus>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new ReportScheduleStatus(ReadSchedule(reader, 0), reader.IsDBNull(ScheduleColumnCount) ? null : ReadRun(reader, ScheduleColumnCount)));
        return list;
    }

    public async Task<ReportSchedule?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {ScheduleColumns} FROM {tenant.Qualified("report_schedules")} s WHERE s.id = @id",
            tenant.Connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSchedule(reader, 0) : null;
    }

    public async Task AddAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("report_schedules")} (id, name, dashboard_id, range_code, filters, recipients, slack_channel_id, frequency,
                at_time, weekday, day_of_month, time_zone, format, include_changes, paper, orientation, paused, next_run_at,
                created_at, updated_at)
            VALUES (@id, @name, @dashboard, @range, @filters, @recipients, @slack, @frequency, @at, @weekday, @day, @zone, @format, @changes, @paper, @orientation,
                @paused, @next,
                @created, @updated)
            """, tenant.Connection);
        AddScheduleParameters(command, schedule);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> UpdateAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("report_schedules")} SET name = @name, dashboard_id = @dashboard, range_code = @range, filters = @filters,
                recipients = @recipients, slack_channel_id = @slack, frequency = @frequency, at_time = @at, weekday = @weekday, day_of_month = @day,
                time_zone = @zone, format = @format, include_changes = @changes, paper = @paper,
                orientation = @orientation, paused = @paused, next_run_at = @next, updated_at = @updated
            WHERE id = @id
            """, tenant.Connection);
        AddScheduleParameters(command, schedule);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {tenant.Qualified("report_schedules")} WHERE id = @id", tenant.Connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetSubscriptionAsync(Guid id, string email, bool subscribed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("report_schedules")}
            SET recipients = CASE WHEN @subscribed THEN array_append(array_remove(recipients, @email), @email) ELSE array_remove(recipients, @email) END,
                updated_at = @at
            WHERE id = @id
            """, tenant.Connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("subscribed", subscribed);
        command.Parameters.AddWithValue("at", at);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // A concurrent change took the list past 100 or down to none.
            throw new ConflictException("The report's recipients changed meanwhile; try again.");
        }
    }

    public async Task<string> TenantTimeZoneAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT time_zone FROM {tenant.Qualified("settings")}", tenant.Connection);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "UTC";
    }

    public async Task<ReportRunDto?> FindRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {RunColumns(tenant)} FROM {tenant.Qualified("report_runs")} r WHERE r.id = @id",
            tenant.Connection);
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRun(reader, 0) : null;
    }

    public async Task<IReadOnlyList<ReportRunDto>> RunsAsync(Guid scheduleId, int limit, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {RunColumns(tenant)} FROM {tenant.Qualified("report_runs")} r WHERE r.schedule_id = @id ORDER BY r.started_at DESC, r.id DESC LIMIT @limit
            """, tenant.Connection);
        command.Parameters.AddWithValue("id", scheduleId);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<ReportRunDto>();
        while (await reader.ReadAsync(cancellationToken)) runs.Add(ReadRun(reader, 0));
        return runs;
    }

    public async Task<ReportRunClaim> StartManualRunAsync(ReportSchedule schedule, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        var id = Guid.CreateVersion7();
        await using var command = InsertRun(tenant, null, id, schedule.Id, null, "manual", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new ReportRunClaim(id, 1, schedule, at);
    }

    public async Task<IReadOnlyList<ReportRunClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        var due = new List<ReportSchedule>();
        await using (var select = new NpgsqlCommand($"""
            SELECT {ScheduleColumns} FROM {tenant.Qualified("report_schedules")} s WHERE NOT s.paused AND s.next_run_at <= @now
            ORDER BY s.next_run_at LIMIT 100 FOR UPDATE SKIP LOCKED
            """, tenant.Connection, transaction))
        {
            select.Parameters.AddWithValue("now", now);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) due.Add(ReadSchedule(reader, 0));
        }

        var claims = new List<ReportRunClaim>();
        foreach (var schedule in due)
        {
            var zone = schedule.Zone;
            // However many due times passed while every instance was down, one run catches them up: the latest.
            var dueAt = schedule.Cadence.LatestDue(schedule.NextRunAt, now, zone);
            var id = Guid.CreateVersion7();
            await using (var insert = InsertRun(tenant, transaction, id, schedule.Id, dueAt, "schedule", now))
            {
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) claims.Add(new ReportRunClaim(id, 1, schedule, dueAt));
            }

            await using var advance = new NpgsqlCommand($"UPDATE {tenant.Qualified("report_schedules")} SET next_run_at = @next WHERE id = @id",
                tenant.Connection, transaction);
            advance.Parameters.AddWithValue("id", schedule.Id);
            advance.Parameters.AddWithValue("next", schedule.Cadence.NextAfter(now, zone));
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        // Runs whose instance stopped mid-run: nothing of theirs was sent (that commits with the outcome), so they run again.
        await using (var takeOver = new NpgsqlCommand($"""
            WITH stale AS (
                SELECT id FROM {tenant.Qualified("report_runs")} WHERE status = 'running' AND started_at < @now - @lease
                ORDER BY started_at LIMIT 100 FOR UPDATE SKIP LOCKED)
            UPDATE {tenant.Qualified("report_runs")} r SET attempt = r.attempt + 1, started_at = @now
            FROM stale, {tenant.Qualified("report_schedules")} s
            WHERE r.id = stale.id AND s.id = r.schedule_id
            RETURNING {ScheduleColumns}, r.id, r.attempt, coalesce(r.due_at, @now)
            """, tenant.Connection, transaction))
        {
            takeOver.Parameters.AddWithValue("now", now);
            takeOver.Parameters.AddWithValue("lease", lease);
            await using var reader = await takeOver.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claims.Add(new ReportRunClaim(reader.GetGuid(ScheduleColumnCount), reader.GetInt32(ScheduleColumnCount + 1), ReadSchedule(reader, 0),
                    reader.GetFieldValue<DateTimeOffset>(ScheduleColumnCount + 2)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claims;
    }

    public async Task<bool> FinishRunAsync(ReportRunClaim claim, ReportRunOutcome outcome, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using (var finish = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("report_runs")}
            SET status = @status, finished_at = @finished, duration_ms = @duration, size_bytes = @size, pages = @pages, range_from = @from,
                range_to = @to, recipients = @recipients, errors = @errors, slack_channel_id = @slack, slack_message = @message,
                slack_next_at = CASE WHEN @message IS NULL THEN NULL ELSE @finished END
            WHERE id = @id AND attempt = @attempt AND status = 'running'
            """, tenant.Connection, transaction))
        {
            finish.Parameters.AddWithValue("id", claim.RunId);
            finish.Parameters.AddWithValue("attempt", claim.Attempt);
            finish.Parameters.AddWithValue("status", outcome.Sent ? "sent" : "failed");
            finish.Parameters.AddWithValue("finished", outcome.FinishedAt);
            finish.Parameters.AddWithValue("duration", outcome.DurationMs);
            finish.Parameters.AddWithValue("size", outcome.SizeBytes);
            finish.Parameters.AddWithValue("pages", outcome.Pages);
            finish.Parameters.AddWithValue("from", outcome.RangeFrom);
            finish.Parameters.AddWithValue("to", outcome.RangeTo);
            finish.Parameters.AddWithValue("recipients", outcome.Recipients.ToArray());
            finish.Parameters.AddWithValue("errors", outcome.Errors.ToArray());
            finish.Parameters.Add(new NpgsqlParameter("slack", NpgsqlDbType.Uuid) { Value = (object?)outcome.SlackChannelId ?? DBNull.Value });
            finish.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Text) { Value = (object?)outcome.SlackMessage ?? DBNull.Value });
            if (await finish.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        }

        foreach (var (kind, file) in new[] { ("pdf", outcome.Pdf), ("csv", outcome.CsvZip) })
        {
            if (file is null) continue;
            await using var store = new NpgsqlCommand($"""
                INSERT INTO {tenant.Qualified("report_files")} (run_id, kind, file_name, content_type, content, expires_at)
                VALUES (@run, @kind, @name, @type, @content, @expires)
                """, tenant.Connection, transaction);
            store.Parameters.AddWithValue("run", claim.RunId);
            store.Parameters.AddWithValue("kind", kind);
            store.Parameters.AddWithValue("name", file.FileName);
            store.Parameters.AddWithValue("type", file.ContentType);
            store.Parameters.AddWithValue("content", file.Content);
            store.Parameters.AddWithValue("expires", outcome.FilesExpireAt);
            await store.ExecuteNonQueryAsync(cancellationToken);
        }

        if (outcome.Email is { } email)
        {
            await using var queue = new NpgsqlCommand("""
                INSERT INTO catalog.email_outbox (id, recipient, subject, text_body, html_body, attachments)
                VALUES (@id, @to, @subject, @text, @html, @attachments)
                """, tenant.Connection, transaction);
            queue.Parameters.AddWithValue("id", Guid.CreateVersion7());
            queue.Parameters.AddWithValue("to", email.To);
            queue.Parameters.AddWithValue("subject", email.Subject);
            queue.Parameters.AddWithValue("text", email.TextBody);
            queue.Parameters.Add(new NpgsqlParameter("html", NpgsqlDbType.Text) { Value = (object?)email.HtmlBody ?? DBNull.Value });
            queue.Parameters.Add(new NpgsqlParameter("attachments", NpgsqlDbType.Jsonb) { Value = OutboxAttachments.Write(email.Attachments ?? []) });
            await queue.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<PendingReportMessage>> ClaimMessagesAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("report_runs")} SET slack_attempts = slack_attempts + 1, slack_next_at = now() + @lease
            WHERE id IN (SELECT id FROM {tenant.Qualified("report_runs")} WHERE slack_next_at <= now()
                         ORDER BY slack_next_at LIMIT @max FOR UPDATE SKIP LOCKED)
            RETURNING id, slack_channel_id, slack_attempts, slack_message
            """, tenant.Connection);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<PendingReportMessage>();
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new PendingReportMessage(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3)));
        return due;
    }

    public async Task RecordMessageAttemptAsync(PendingReportMessage message, bool sent, DateTimeOffset? retryAt, string? error,
        CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("report_runs")}
            SET slack_sent_at = CASE WHEN @sent THEN now() END, slack_next_at = @retry, slack_error = @error
            WHERE id = @id AND slack_attempts = @attempt
            """, tenant.Connection);
        command.Parameters.AddWithValue("id", message.RunId);
        command.Parameters.AddWithValue("attempt", message.Attempt);
        command.Parameters.AddWithValue("sent", sent);
        command.Parameters.Add(new NpgsqlParameter("retry", NpgsqlDbType.TimestampTz) { Value = (object?)retryAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)(sent ? null : error) ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ReportFile?> FileAsync(Guid runId, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Interactive, cancellationToken);
        return await ReadFileAsync(tenant.Connection, tenant.Qualified("report_files"), runId, kind, now, cancellationToken);
    }

    public async Task<ReportFile?> SharedPdfAsync(Guid tenantId, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await directory.SchemaOfAsync(tenantId, cancellationToken) is not { } schema) return null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadFileAsync(connection, $"{SqlIdentifier.Quote(schema)}.{SqlIdentifier.Quote("report_files")}", runId, "pdf", now, cancellationToken);
    }

    public async Task<int> PruneFilesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Background, cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {tenant.Qualified("report_files")} WHERE expires_at <= @now", tenant.Connection);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ReportFile?> ReadFileAsync(NpgsqlConnection connection, string table, Guid runId, string kind, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT file_name, content_type, content FROM {table} WHERE run_id = @run AND kind = @kind AND expires_at > @now", connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReportFile(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2))
            : null;
    }

    private static NpgsqlCommand InsertRun(TenantConnection tenant, NpgsqlTransaction? transaction, Guid id, Guid scheduleId, DateTimeOffset? dueAt,
        string trigger, DateTimeOffset at)
    {
        var command = new NpgsqlCommand($"""
            INSERT INTO {tenant.Qualified("report_runs")} (id, schedule_id, due_at, triggered_by, status, started_at)
            VALUES (@id, @schedule, @due, @trigger, 'running', @at) ON CONFLICT (schedule_id, due_at) DO NOTHING
            """, tenant.Connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("schedule", scheduleId);
        command.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.TimestampTz) { Value = (object?)dueAt ?? DBNull.Value });
        command.Parameters.AddWithValue("trigger", trigger);
        command.Parameters.AddWithValue("at", at);
        return command;
    }

    private static void AddScheduleParameters(NpgsqlCommand command, ReportSchedule s)
    {
        command.Parameters.AddWithValue("id", s.Id);
        command.Parameters.AddWithValue("name", s.Name);
        command.Parameters.AddWithValue("dashboard", s.DashboardId);
        command.Parameters.AddWithValue("range", EnumCode.Of(s.Range));
        command.Parameters.Add(new NpgsqlParameter("filters", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(s.Filters, Json) });
        command.Parameters.AddWithValue("recipients", s.Recipients.ToArray());
        command.Parameters.Add(new NpgsqlParameter("slack", NpgsqlDbType.Uuid) { Value = (object?)s.SlackChannelId ?? DBNull.Value });
        command.Parameters.AddWithValue("frequency", EnumCode.Of(s.Cadence.Frequency));
        command.Parameters.AddWithValue("at", s.Cadence.At);
        command.Parameters.Add(new NpgsqlParameter("weekday", NpgsqlDbType.Smallint) { Value = (object?)(short?)s.Cadence.Weekday ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Smallint) { Value = (object?)(short?)s.Cadence.DayOfMonth ?? DBNull.Value });
        command.Parameters.AddWithValue("zone", s.TimeZone);
        command.Parameters.AddWithValue("format", EnumCode.Of(s.Format));
        command.Parameters.AddWithValue("changes", s.IncludeChanges);
        command.Parameters.AddWithValue("paper", EnumCode.Of(s.Paper));
        command.Parameters.AddWithValue("orientation", EnumCode.Of(s.Orientation));
        command.Parameters.AddWithValue("paused", s.Paused);
        command.Parameters.AddWithValue("next", s.NextRunAt);
        command.Parameters.AddWithValue("created", s.CreatedAt);
        command.Parameters.AddWithValue("updated", s.UpdatedAt);
    }

    private static ReportSchedule ReadSchedule(NpgsqlDataReader r, int at) => new(
        r.GetGuid(at), r.GetString(at + 1), r.GetGuid(at + 2), EnumCode.Parse<ReportRange>(r.GetString(at + 3)),
        JsonSerializer.Deserialize<MetricFilters>(r.GetString(at + 4), Json)!, r.GetFieldValue<string[]>(at + 5),
        r.IsDBNull(at + 6) ? null : r.GetGuid(at + 6),
        new ReportCadence(EnumCode.Parse<ReportFrequency>(r.GetString(at + 7)), r.GetFieldValue<TimeOnly>(at + 8),
            r.IsDBNull(at + 9) ? null : (DayOfWeek)r.GetInt16(at + 9), r.IsDBNull(at + 10) ? null : r.GetInt16(at + 10)),
        r.GetString(at + 11), EnumCode.Parse<ReportDeliveryFormat>(r.GetString(at + 12)), r.GetBoolean(at + 13),
        EnumCode.Parse<PaperSize>(r.GetString(at + 14)), EnumCode.Parse<PageOrientation>(r.GetString(at + 15)), r.GetBoolean(at + 16),
        r.GetFieldValue<DateTimeOffset>(at + 17), r.GetFieldValue<DateTimeOffset>(at + 18), r.GetFieldValue<DateTimeOffset>(at + 19));

    private static ReportRunDto ReadRun(NpgsqlDataReader r, int at)
    {
        DateTimeOffset? Time(int i) => r.IsDBNull(at + i) ? null : r.GetFieldValue<DateTimeOffset>(at + i);
        var errors = r.GetFieldValue<string[]>(at + 13).ToList();
        if (!r.IsDBNull(at + 17)) errors.Add("Slack: " + r.GetString(at + 17));
        return new ReportRunDto(r.GetGuid(at), r.GetGuid(at + 1), Time(2), r.GetString(at + 3), r.GetString(at + 4), r.GetFieldValue<DateTimeOffset>(at + 5),
            Time(6), r.IsDBNull(at + 7) ? null : r.GetInt32(at + 7), r.IsDBNull(at + 8) ? null : r.GetInt64(at + 8),
            r.IsDBNull(at + 9) ? null : r.GetInt32(at + 9), Time(10), Time(11), r.GetFieldValue<string[]>(at + 12), errors,
            r.GetBoolean(at + 14), r.GetBoolean(at + 15), r.IsDBNull(at + 16) ? null : r.GetString(at + 16));
    }
}
