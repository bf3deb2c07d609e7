namespace Faultline.TestSupport;

/// <summary>
/// Where the real PostgreSQL and Redis of the test run are: the ones scripts/stack.sh starts,
/// unless FAULTLINE_TEST_POSTGRES / FAULTLINE_TEST_REDIS point elsewhere.
/// </summary>
public static class TestStack
{
    /// <summary>A connection string with rights to create databases (its Database is ignored).</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("FAULTLINE_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=faultline;Database=postgres";

    public static string Redis =>
        Environment.GetEnvironmentVariable("FAULTLINE_TEST_REDIS") is { Length: > 0 } configured ? configured : "127.0.0.1:56379";

    /// <summary>A loopback port nothing listens on, for "dependency is down" tests.</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
