using Xunit;

namespace Faultline.TestSupport;

/// <summary>A test class whose every test gets its own fresh database (xUnit builds one instance per test).</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();
}
