using Npgsql;

namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// How long the outboxes keep finished rows: a week, for questions about a delivery (every alert
/// attempt is in the tenant's history too). E-mail rows carry password-reset and invitation links,
/// which must not be kept for ever.
/// </summary>
internal static class OutboxRetention
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>Deletes the rows of <paramref name="table"/> finished (<paramref name="finishedAt"/>, SQL) longer than the period ago.</summary>
    public static async Task PruneAsync(NpgsqlDataSource dataSource, string table, string finishedAt, CancellationToken cancellationToken)
    {
        await using var prune = dataSource.CreateCommand($"DELETE FROM {table} WHERE {finishedAt} < now() - $1");
        prune.Parameters.Add(new NpgsqlParameter { Value = Period });
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
