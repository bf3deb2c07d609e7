using System.Globalization;
using System.Text;

namespace Faultline.Bench;

/// <summary>Failed-job logs that look like the real thing: setup noise, then the lines that explain the failure.</summary>
internal static class SyntheticLogs
{
    private static readonly Dictionary<string, string[]> Causes = new()
    {
        ["compilation"] =
        [
            "src/Payments/Ledger.cs(42,17): error CS0103: The name 'balance' does not exist in the current context",
            "error[E0308]: mismatched types\n  --> src/main.rs:12:5\n   |\n12 |     count\n   |     ^^^^^ expected `u32`, found `usize`",
            "src/app.ts(88,3): error TS2322: Type 'string' is not assignable to type 'number'.",
        ],
        ["test"] =
        [
            "FAILED tests/test_checkout.py::test_applies_discount - AssertionError: assert 90 == 85",
            "  ● Cart › removes the last item\n\n    expect(received).toBe(expected)\n\n    Expected: 0\n    Received: 1",
            "--- FAIL: TestRefund (0.02s)\n    refund_test.go:31: got status 500, want 200",
        ],
        ["lint"] =
        [
            "src/index.js\n  14:7  error  'unused' is assigned a value but never used  no-unused-vars\n\n✖ 1 problem (1 error, 0 warnings)",
            "app/models/user.rb:12:81: C: Layout/LineLength: Line is too long. [96/80]",
        ],
        ["dependency"] =
        [
            "npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! Could not resolve dependency: peer react@\"^17\" from react-dom@17.0.2",
            "ERROR: Could not find a version that satisfies the requirement numpy==1.99.0\nERROR: No matching distribution found for numpy==1.99.0",
        ],
        ["configuration"] =
        [
            "Error: Missing required environment variable DATABASE_URL",
            "yaml: line 23: mapping values are not allowed in this context\nError: .github/workflows/ci.yml is not valid",
        ],
        ["infrastructure"] =
        [
            "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": net/http: TLS handshake timeout",
            "fatal: unable to access 'https://github.com/acme/api.git/': Could not resolve host: github.com",
            "No space left on device",
        ],
        ["timeout"] =
        [
            "##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 60 minutes.",
            "ERROR: Job failed: execution took longer than 1h0m0s seconds",
        ],
    };

    public static string For(string kind, string jobName, Random random)
    {
        var log = new StringBuilder();
        var time = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        void Line(string text) => log.Append(time.AddSeconds(log.Length / 40).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
            .Append(' ').Append(text).Append('\n');

        Line($"##[group]Run {jobName}");
        Line("Current runner version: '2.321.0'");
        Line("Operating System: Ubuntu 22.04.5 LTS");
        Line("\u001b[36;1mgit fetch --depth=1 origin +refs/heads/*\u001b[0m");
        for (var i = 0; i < 20 + random.Next(80); i++) Line($"  step {i}: \u001b[32mok\u001b[0m ({random.Next(5, 900)} ms)");
        var causes = Causes[kind];
        foreach (var cause in causes[random.Next(causes.Length)].Split('\n')) Line("\u001b[31m" + cause + "\u001b[0m");
        Line("##[error]Process completed with exit code 1.");
        return log.ToString();
    }
}
