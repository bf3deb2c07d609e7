using Npgsql;
using Xunit;

namespace Faultline.TestSupport;

/// <summary>A fresh, empty database on the test PostgreSQL, dropped again on dispose.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string Name { get; } = "faultline_test_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(TestStack.PostgresAdmin) { Database = Name, Pooling = true }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestStack.PostgresAdmin);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestStack.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>Runs a scalar query against this database, for assertions.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var source = CreateDataSource();
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
