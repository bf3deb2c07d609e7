using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Domain.Classification;
using Faultline.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Faultline.Infrastructure.Classification;

/// <summary>The current tenant's classification queue, results, feedback and model choice.</summary>
internal sealed class PostgresClassificationStore(TenantConnectionFactory connections) : IClassificationStore
{
    /// <summary>Notified (payload: the tenant's schema) when a tenant's classification queue gains work.</summary>
    public const string Channel = "faultline_classification";

    internal const int MaxAttempts = 5;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ModelAssignment?> GetAssignmentAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT classifier_model, challenger_model, challenger_share FROM {tenant.Qualified("settings")}", tenant.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0)) return null;
        return new ModelAssignment(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFloat(2));
    }

    public async Task<int> SaveAssignmentAsync(ModelAssignment assignment, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        // Only a changed choice re-classifies: the served model of a job may change with any of the three values.
        await using var update = new NpgsqlCommand($"""
            UPDATE {tenant.Qualified("settings")} SET classifier_model = $1, challenger_model = $2, challenger_share = $3
            WHERE classifier_model IS DISTINCT FROM $1 OR challenger_model IS DISTINCT FROM $2 OR challenger_share <> $3
            """, tenant.Connection, transaction);
        update.Parameters.Add(new NpgsqlParameter { Value = assignment.Active });
        update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)assignment.Challenger ?? DBNull.Value });
        update.Parameters.Add(new NpgsqlParameter { Value = (float)assignment.ChallengerShare });
        var requeued = 0;
        if (await update.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            await using var requeue = new NpgsqlCommand($"""
                INSERT INTO {tenant.Qualified("classification_queue")} (job_id, priority)
                SELECT job_id, 1 FROM {tenant.Qualified("job_classifications")}
                ON CONFLICT (job_id) DO NOTHING
                """, tenant.Connection, transaction);
            requeued = await requeue.ExecuteNonQueryAsync(cancellationToken);
            await NotifyAsync(tenant, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return requeued;
    }

    public async Task<IReadOnlyList<JobLogs>> ClaimQueuedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH claimed AS (
                UPDATE {tenant.Qualified("classification_queue")} SET claimed_until = now() + $2, attempts = attempts + 1
                WHERE job_id IN (SELECT job_id FROM {tenant.Qualified("classification_queue")}
                                 WHERE (claimed_until IS NULL OR claimed_until < now()) AND attempts < {MaxAttempts}
                                 ORDER BY priority, enqueued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING job_id)
            {LogsSelect(tenant, "claimed")}
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = ClaimLease });
        return await ReadLogsAsync(command, cancellationToken);
    }

    public async Task<JobLogs?> GetLogsAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH claimed AS (SELECT $1::bigint AS job_id)
            {LogsSelect(tenant, "claimed")}
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        return (await ReadLogsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Each job's log and the log of the latest of the same job's last 20 successful runs that has one
    /// (bounded, since most successful runs upload no log).
    /// </summary>
    private static string LogsSelect(TenantConnection tenant, string jobs) => $"""
        SELECT j.id, l.content_gzip, s.content_gzip
        FROM {jobs} c
        JOIN {tenant.Qualified("job_runs")} j ON j.id = c.job_id
        LEFT JOIN {tenant.Qualified("job_logs")} l ON l.job_id = j.id
        LEFT JOIN LATERAL (
            SELECT sl.content_gzip
            FROM (SELECT sj.id, sj.finished_at FROM {tenant.Qualified("job_runs")} sj
                  WHERE sj.repository_id = j.repository_id AND sj.pipeline_id = j.pipeline_id AND sj.name = j.name
                    AND sj.status = 'success' AND sj.finished_at < coalesce(j.started_at, j.finished_at, now())
                  ORDER BY sj.finished_at DESC LIMIT 20) recent
            JOIN {tenant.Qualified("job_logs")} sl ON sl.job_id = recent.id
            ORDER BY recent.finished_at DESC LIMIT 1) s ON true
        """;

    private static async Task<IReadOnlyList<JobLogs>> ReadLogsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var logs = new List<JobLogs>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            logs.Add(new JobLogs(reader.GetInt64(0), reader.IsDBNull(1) ? null : Tail(reader.GetStream(1)),
                reader.IsDBNull(2) ? null : Tail(reader.GetStream(2))));
        }

        return logs;
    }

    /// <summary>Decompresses as it reads and keeps only what the featurizer reads: never the whole log as one string.</summary>
    private static LogTail Tail(Stream gzip)
    {
        using var reader = Decompressed(gzip);
        return LogTail.Read(reader);
    }

    private static StreamReader Decompressed(Stream gzip) => new(new GZipStream(gzip, CompressionMode.Decompress), Encoding.UTF8);

    public async Task SavePredictionsAsync(IReadOnlyList<JobPredictions> predictions, IReadOnlyCollection<long> unreadable, CancellationToken cancellationToken)
    {
        var rows = predictions.SelectMany(p => p.Predictions.Select(a => (p.JobId, Analysis: a, Served: a.ModelVersion == p.ServedModel))).ToList();
        var served = rows.Where(r => r.Served).ToList();
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var transaction = await tenant.Connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(tenant.Connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    INSERT INTO {tenant.Qualified("job_predictions")} (job_id, model_version, category, confidence, probabilities, served)
                    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::real[], $5::jsonb[], $6::boolean[])
                    ON CONFLICT (job_id, model_version) DO UPDATE SET category = excluded.category, confidence = excluded.confidence,
                        probabilities = excluded.probabilities, served = excluded.served, predicted_at = now()
                    """)
                {
                    Parameters =
                    {
                        Array(rows.Select(r => r.JobId)), Array(rows.Select(r => r.Analysis.ModelVersion)), Array(rows.Select(r => r.Analysis.Category)),
                        Array(rows.Select(r => r.Analysis.Confidence)), Array(rows.Select(r => JsonSerializer.Serialize(r.Analysis.Probabilities, Json))),
                        Array(rows.Select(r => r.Served)),
                    },
                },
                // A person's correction stands; re-classification only refreshes what the model had said.
                new NpgsqlBatchCommand($"""
                    INSERT INTO {tenant.Qualified("job_classifications")} AS c (job_id, category, confidence, model_version, probabilities, key_lines, uncertain)
                    SELECT * FROM unnest($1::bigint[], $2::text[], $3::real[], $4::text[], $5::jsonb[], $6::jsonb[], $7::boolean[])
                    ON CONFLICT (job_id) DO UPDATE SET
                        category = CASE WHEN c.source = 'feedback' THEN c.category ELSE excluded.category END,
                        predicted_category = CASE WHEN c.source = 'feedback' THEN excluded.category ELSE NULL END,
                        uncertain = c.source <> 'feedback' AND excluded.uncertain,
                        confidence = excluded.confidence, model_version = excluded.model_version, probabilities = excluded.probabilities,
                        key_lines = excluded.key_lines, classified_at = now()
                    """)
                {
                    Parameters =
                    {
                        Array(served.Select(r => r.JobId)), Array(served.Select(r => r.Analysis.Category)), Array(served.Select(r => r.Analysis.Confidence)),
                        Array(served.Select(r => r.Analysis.ModelVersion)), Array(served.Select(r => JsonSerializer.Serialize(r.Analysis.Probabilities, Json))),
                        Array(served.Select(r => JsonSerializer.Serialize(r.Analysis.KeyLines, Json))), Array(served.Select(r => r.Analysis.Uncertain)),
                    },
                },
                new NpgsqlBatchCommand($"DELETE FROM {tenant.Qualified("classification_queue")} WHERE job_id = ANY($1)")
                {
                    Parameters = { Array(predictions.Select(p => p.JobId).Concat(unreadable)) },
                },
                // Dashboards count categories: their cached answers must not outlive this change.
                new NpgsqlBatchCommand($"UPDATE {tenant.Qualified("settings")} SET data_version = data_version + 1"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<JobClassification?> GetClassificationAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT c.category, c.confidence, c.probabilities, c.key_lines, c.model_version, c.source, c.predicted_category, c.classified_at, c.uncertain,
                   coalesce((SELECT jsonb_agg(jsonb_build_object('modelVersion', p.model_version, 'category', p.category,
                                                                 'confidence', p.confidence, 'served', p.served) ORDER BY p.served DESC, p.model_version)
                             FROM {tenant.Qualified("job_predictions")} p WHERE p.job_id = c.job_id), '[]') AS predictions
            FROM {tenant.Qualified("job_classifications")} c WHERE c.job_id = $1
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new JobClassification(
            jobId, reader.GetString(0), reader.GetFloat(1), FromJson<Dictionary<string, float>>(reader.GetString(2)),
            FromJson<List<KeyLine>>(reader.GetString(3)), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetFieldValue<DateTimeOffset>(7), FromJson<List<ModelPrediction>>(reader.GetString(9)), reader.GetBoolean(8));
    }

    public async Task<Feedback?> SaveFeedbackAsync(long jobId, string category, string actor, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH job AS (
                SELECT j.id, c.category AS current_category, c.source, c.predicted_category, c.model_version
                FROM {tenant.Qualified("job_runs")} j LEFT JOIN {tenant.Qualified("job_classifications")} c ON c.job_id = j.id
                WHERE j.id = $1 AND j.status IN ('failure', 'timed_out')),
            said AS (
                SELECT id, CASE WHEN source = 'feedback' THEN predicted_category ELSE current_category END AS predicted, model_version FROM job),
            feedback AS (
                INSERT INTO {tenant.Qualified("classification_feedback")} (job_id, category, predicted_category, model_version, actor)
                SELECT id, $2, predicted, model_version, $3 FROM said
                ON CONFLICT (job_id) DO UPDATE SET category = excluded.category, actor = excluded.actor, created_at = now()
                RETURNING job_id, category, predicted_category, model_version, actor, created_at),
            classified AS (
                INSERT INTO {tenant.Qualified("job_classifications")} AS c (job_id, category, confidence, model_version, source, predicted_category)
                SELECT id, $2, 1, coalesce(model_version, 'none'), 'feedback', predicted FROM said
                ON CONFLICT (job_id) DO UPDATE SET category = excluded.category, source = 'feedback', uncertain = false,
                    predicted_category = excluded.predicted_category, classified_at = now()
                RETURNING job_id),
            bumped AS (
                UPDATE {tenant.Qualified("settings")} SET data_version = data_version + 1 WHERE EXISTS (SELECT 1 FROM classified))
            SELECT job_id, category, predicted_category, model_version, actor, created_at FROM feedback
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        command.Parameters.Add(new NpgsqlParameter { Value = category });
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        return (await ReadFeedbackAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Feedback>> ListFeedbackAsync(int limit, CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT job_id, category, predicted_category, model_version, actor, created_at
            FROM {tenant.Qualified("classification_feedback")} ORDER BY created_at DESC, job_id DESC LIMIT $1
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadFeedbackAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Feedback>> ReadFeedbackAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var feedback = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            feedback.Add(new Feedback(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return feedback;
    }

    public async IAsyncEnumerable<FeedbackExample> ListFeedbackExamplesAsync(int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT f.job_id, repo.name, f.category, l.content_gzip
            FROM {tenant.Qualified("classification_feedback")} f
            JOIN {tenant.Qualified("job_logs")} l ON l.job_id = f.job_id
            JOIN {tenant.Qualified("job_runs")} j ON j.id = f.job_id
            JOIN {tenant.Qualified("repositories")} repo ON repo.id = j.repository_id
            ORDER BY f.created_at DESC, f.job_id DESC LIMIT $1
            """, tenant.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        // Row by row from the server: one log in memory at a time, however many the export holds.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (jobId, repository, category) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
            // Reading another column closes a column's stream: the log comes last.
            using var log = Decompressed(reader.GetStream(3));
            yield return new FeedbackExample(jobId, repository, category, await log.ReadToEndAsync(cancellationToken));
        }
    }

    public async Task<IReadOnlyList<ModelAgreement>> CompareModelsAsync(CancellationToken cancellationToken)
    {
        await using var tenant = await connections.OpenAsync(QueryClass.Classification, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT p.model_version, count(*)::int, count(f.job_id)::int, count(*) FILTER (WHERE f.category = p.category)::int
            FROM {tenant.Qualified("job_predictions")} p LEFT JOIN {tenant.Qualified("classification_feedback")} f ON f.job_id = p.job_id
            GROUP BY p.model_version
            """, tenant.Connection);
        var agreement = new List<ModelAgreement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            agreement.Add(new ModelAgreement(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return agreement;
    }

    /// <summary>Wakes the background classifiers when the transaction commits.</summary>
    internal static async Task NotifyAsync(TenantConnection tenant, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', $1)", tenant.Connection, transaction);
        notify.Parameters.Add(new NpgsqlParameter { Value = tenant.Schema });
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Array<T>(IEnumerable<T> values) => new() { Value = values.ToArray() };

    private static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
