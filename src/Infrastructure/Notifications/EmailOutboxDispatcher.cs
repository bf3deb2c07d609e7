using Faultline.Application.Common.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// Sends queued e-mail. Each batch is claimed with FOR UPDATE SKIP LOCKED and a lease, so several
/// instances never send one message twice; failures retry with exponential backoff and, past the
/// retry budget (claims count, so attempts that ended unrecorded do too), are marked failed with the
/// last error kept. Finished messages are deleted after the outbox retention period.
/// </summary>
internal sealed class EmailOutboxDispatcher(
    NpgsqlDataSource dataSource, IEmailSender sender, Persistence.Migrations.SchemaMigrator migrator, ILogger<EmailOutboxDispatcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 8;
    private const string MarkFailed = "UPDATE catalog.email_outbox SET failed_at = now(), last_error = $2 WHERE id = $1";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(10);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!migrator.Completed) await Task.Delay(PollInterval, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await DispatchBatchAsync(stoppingToken) > 0) { }
                    if (DateTimeOffset.UtcNow >= _nextPrune)
                    {
                        await OutboxRetention.PruneAsync(dataSource, "catalog.email_outbox", "coalesce(sent_at, failed_at)", stoppingToken);
                        _nextPrune = DateTimeOffset.UtcNow + PruneInterval;
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("E-mail outbox unavailable: {Message}", exception.Message);
                }

                await Task.Delay(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; unsent e-mail stays in the outbox for the next start.
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(Guid Id, int Attempts, EmailMessage Message)>();
        await using (var claim = dataSource.CreateCommand("""
            UPDATE catalog.email_outbox SET next_attempt_at = now() + $1, attempts = attempts + 1
            WHERE id IN (SELECT id FROM catalog.email_outbox
                         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                         ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id, attempts, recipient, subject, text_body, html_body, attachments::text
            """))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = Lease });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                batch.Add((reader.GetGuid(0), reader.GetInt32(1), new EmailMessage(reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : OutboxAttachments.Read(reader.GetString(6)))));
        }

        foreach (var (id, attempts, message) in batch)
        {
            if (attempts > MaxAttempts)
            {
                await MarkAsync(MarkFailed, id, $"Gave up: {attempts - 1} attempts were made, the last without an outcome.", cancellationToken);
                continue;
            }

            try
            {
                await sender.SendAsync(message, cancellationToken);
                await MarkAsync("UPDATE catalog.email_outbox SET sent_at = now(), last_error = NULL WHERE id = $1", id, null, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var giveUp = attempts >= MaxAttempts;
                logger.LogWarning("E-mail {Id} to {Recipient} failed (attempt {Attempts}{GiveUp}): {Message}",
                    id, message.To, attempts, giveUp ? ", giving up" : "", exception.Message);
                await MarkAsync(giveUp
                    ? MarkFailed
                    : $"UPDATE catalog.email_outbox SET next_attempt_at = now() + interval '{Math.Pow(2, attempts):0} seconds', last_error = $2 WHERE id = $1",
                    id, OneLineText.Of(exception.Message), cancellationToken);
            }
        }

        return batch.Count;
    }

    private async Task MarkAsync(string sql, Guid id, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        if (error is not null) command.Parameters.Add(new NpgsqlParameter { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
