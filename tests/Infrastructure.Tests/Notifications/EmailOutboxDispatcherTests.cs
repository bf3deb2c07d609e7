using Faultline.Infrastructure.Notifications;
using Faultline.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Faultline.Infrastructure.Tests.Notifications;

/// <summary>The e-mail outbox against a real database and a real SMTP server.</summary>
public sealed class EmailOutboxDispatcherTests : DatabaseTest
{
    /// <summary>A migrated database, an SMTP server and a dispatcher sending to it.</summary>
    private sealed class Outbox(SmtpSink mail, InfrastructureHarness harness, NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public SmtpSink Mail => mail;

        public static async Task<Outbox> StartAsync(TestDatabase database)
        {
            var harness = new InfrastructureHarness(database);
            await harness.Migrator.MigrateAllAsync(CancellationToken.None);
            return new Outbox(await SmtpSink.StartAsync(), harness, database.CreateDataSource());
        }

        public EmailOutboxDispatcher Dispatcher() => new(dataSource,
            new SmtpEmailSender(new SmtpSettings("127.0.0.1", mail.Port, "Faultline <no-reply@faultline.test>", false, null, null)),
            harness.Migrator, NullLogger<EmailOutboxDispatcher>.Instance);

        /// <summary>Queues a message; <paramref name="columns"/> and <paramref name="values"/> set more of the row (", name" and ", SQL").</summary>
        public async Task<Guid> EnqueueAsync(string to, string subject, string columns = "", string values = "")
        {
            var id = Guid.NewGuid();
            await using var command = dataSource.CreateCommand($"""
                INSERT INTO catalog.email_outbox (id, recipient, subject, text_body{columns})
                VALUES ($1, $2, $3, 'https://faultline.test/reset?token=t'{values})
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = to });
            command.Parameters.Add(new NpgsqlParameter { Value = subject });
            await command.ExecuteNonQueryAsync();
            return id;
        }

        public async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync();
            await harness.DisposeAsync();
            await mail.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_subject_with_line_breaks_goes_out_on_one_line_and_the_rest_of_the_batch_with_it()
    {
        await using var outbox = await Outbox.StartAsync(Database);
        await outbox.EnqueueAsync("first@example.test", "Reset\r\nBcc: evil@example.test", ", next_attempt_at", ", now() - interval '1 second'");
        await outbox.EnqueueAsync("second@example.test", "Welcome");

        Assert.Equal(2, await outbox.Dispatcher().DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.email_outbox WHERE sent_at IS NOT NULL"));
        Assert.Equal("Reset Bcc: evil@example.test", (await outbox.Mail.WaitForAsync("first@example.test", "Reset")).Subject);
        await outbox.Mail.WaitForAsync("second@example.test", "Welcome");
        Assert.DoesNotContain(outbox.Mail.Messages(), m => m.To.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_whose_attempts_are_spent_is_given_up_not_sent_again()
    {
        // Attempts claimed but never recorded (the process stopped mid-send) count too.
        await using var outbox = await Outbox.StartAsync(Database);
        var id = await outbox.EnqueueAsync("spent@example.test", "Spent", ", attempts", $", {EmailOutboxDispatcher.MaxAttempts}");

        Assert.Equal(1, await outbox.Dispatcher().DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(1L, await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.email_outbox WHERE id = '{id}' AND failed_at IS NOT NULL AND sent_at IS NULL AND last_error IS NOT NULL"));
        Assert.Empty(outbox.Mail.Messages());
    }

    [Fact]
    public async Task Finished_messages_and_the_links_in_them_are_deleted_after_the_retention_period()
    {
        await using var outbox = await Outbox.StartAsync(Database);
        var oldSent = await outbox.EnqueueAsync("old@example.test", "Old", ", sent_at, next_attempt_at",
            ", now() - interval '8 days', now() + interval '1 day'");
        var oldFailed = await outbox.EnqueueAsync("failed@example.test", "Failed", ", failed_at, next_attempt_at",
            ", now() - interval '8 days', now() + interval '1 day'");
        var recent = await outbox.EnqueueAsync("recent@example.test", "Recent", ", sent_at, next_attempt_at",
            ", now() - interval '1 day', now() + interval '1 day'");
        var waiting = await outbox.EnqueueAsync("waiting@example.test", "Waiting", ", created_at, next_attempt_at",
            ", now() - interval '8 days', now() + interval '1 day'");

        using var dispatcher = outbox.Dispatcher();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(async () => await Database.ScalarAsync<long>(
                $"SELECT count(*) FROM catalog.email_outbox WHERE id IN ('{oldSent}', '{oldFailed}')") == 0);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2L, await Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.email_outbox WHERE id IN ('{recent}', '{waiting}')"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
            await Task.Delay(100, timeout.Token);
    }
}
