using Faultline.Infrastructure.Notifications;
using Faultline.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Faultline.Infrastructure.Tests.Notifications;

/// <summary>The e-mail outbox against a real database and a real SMTP server.</summary>
public sealed class EmailOutboxDispatcherTests : DatabaseTest, IAsyncLifetime
{
    private SmtpSink _mail = null!;
    private InfrastructureHarness _harness = null!;
    private NpgsqlDataSource _dataSource = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _mail = await SmtpSink.StartAsync();
        _harness = new InfrastructureHarness(Database);
        await _harness.Migrator.MigrateAllAsync(CancellationToken.None);
        _dataSource = Database.CreateDataSource();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _harness.DisposeAsync();
        await _mail.DisposeAsync();
        await DisposeAsync();
    }

    private EmailOutboxDispatcher Dispatcher() => new(_dataSource,
        new SmtpEmailSender(new SmtpSettings("127.0.0.1", _mail.Port, "Faultline <no-reply@faultline.test>", false, null, null)),
        _harness.Migrator, NullLogger<EmailOutboxDispatcher>.Instance);

    private async Task<Guid> EnqueueAsync(string to, string subject, string columns = "", string values = "")
    {
        var id = Guid.NewGuid();
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO catalog.email_outbox (id, recipient, subject, text_body{columns}) VALUES ($1, $2, $3, 'https://faultline.test/reset?token=t'{values})");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    [Fact]
    public async Task A_subject_with_line_breaks_goes_out_on_one_line_and_the_rest_of_the_batch_with_it()
    {
        await EnqueueAsync("first@example.test", "Reset\r\nBcc: evil@example.test", ", next_attempt_at", ", now() - interval '1 second'");
        await EnqueueAsync("second@example.test", "Welcome");

        Assert.Equal(2, await Dispatcher().DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(2L, await Database.ScalarAsync<long>("SELECT count(*) FROM catalog.email_outbox WHERE sent_at IS NOT NULL"));
        Assert.Equal("Reset Bcc: evil@example.test", (await _mail.WaitForAsync("first@example.test", "Reset")).Subject);
        await _mail.WaitForAsync("second@example.test", "Welcome");
        Assert.DoesNotContain(_mail.Messages(), m => m.To.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_whose_attempts_are_spent_is_given_up_not_sent_again()
    {
        // Attempts claimed but never recorded (the process stopped mid-send) count too.
        var id = await EnqueueAsync("spent@example.test", "Spent", ", attempts", $", {EmailOutboxDispatcher.MaxAttempts}");

        Assert.Equal(1, await Dispatcher().DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(1L, await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.email_outbox WHERE id = '{id}' AND failed_at IS NOT NULL AND sent_at IS NULL AND last_error IS NOT NULL"));
        Assert.Empty(_mail.Messages());
    }

    [Fact]
    public async Task Finished_messages_and_the_links_in_them_are_deleted_after_the_retention_period()
    {
        var oldSent = await EnqueueAsync("old@example.test", "Old", ", sent_at, next_attempt_at", ", now() - interval '8 days', now() + interval '1 day'");
        var oldFailed = await EnqueueAsync("failed@example.test", "Failed", ", failed_at, next_attempt_at",
            ", now() - interval '8 days', now() + interval '1 day'");
        var recent = await EnqueueAsync("recent@example.test", "Recent", ", sent_at, next_attempt_at", ", now() - interval '1 day', now() + interval '1 day'");
        var waiting = await EnqueueAsync("waiting@example.test", "Waiting", ", created_at, next_attempt_at",
            ", now() - interval '8 days', now() + interval '1 day'");

        var dispatcher = Dispatcher();
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
