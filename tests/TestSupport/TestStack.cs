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

    /// <summary>The repository's root (the folder of Clean.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shipped models, as the server loads them.</summary>
    public static string Models => Path.Combine(RepositoryRoot, "models");

    /// <summary>
    /// The execution providers the models may run on here with the default "auto": the CPU, or CUDA too where there is an
    /// NVIDIA GPU (whether CUDA's libraries are installed beside it decides which).
    /// </summary>
    public static IReadOnlyList<string> ExecutionProviders => File.Exists("/dev/nvidia0") ? ["cpu", "cuda"] : ["cpu"];

    /// <summary>The shared labelled dataset of real CI logs (beside the checkout).</summary>
    public static string CiFailures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets", "ci-failures"));

    /// <summary>The providers' own published example payloads (github/, gitlab/…; beside the checkout, see its README).</summary>
    public static string ProviderFixtures => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clean.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Clean.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A loopback port nothing listens on, for "dependency is down" tests.</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
