using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Persistence.Migrations;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

/// <summary>Ready when PostgreSQL answers and this process has brought every schema up to date.</summary>
internal sealed class PostgresReadinessProbe(NpgsqlDataSource dataSource, SchemaMigrator migrator) : IReadinessProbe
{
    public string Name => "postgres";

    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return migrator.Completed ? null : "Schema migrations have not finished yet.";
    }
}
