using System.IO.Compression;
using Faultline.Application.Classification.Features;

namespace Faultline.Application.Tests.Classification;

public sealed class FailureSignalsTests
{
    // One line per kind of alternative whose required literal is easy to get wrong: no letters in common with the
    // pattern's words, upper case, digits only, a non-ASCII pattern, and lines that must not match.
    [Theory]
    [InlineData("src/app.py:3:1: W503 line break before binary operator", 0b0000_0100)]
    [InlineData("COMPILATION ERROR : ", 0b0000_0001)]
    [InlineData("  12) UserService should reject a blank name", 0b0000_0010)]
    [InlineData("Tests: 3 failed, 40 passed, 43 total", 0b0000_0010)]
    [InlineData("The command \"make\" exited with 137.", 0b0010_0000)]
    [InlineData("✖ 3 problems (3 errors, 0 warnings)", 0b0000_0100)]
    [InlineData("Killed", 0b0010_0000)]
    [InlineData("Error: Something Broke", 0b1000_0000)]
    [InlineData("Installing collected packages: requests", 0)]
    [InlineData("", 0)]
    public void Only_lines_without_any_required_literal_skip_the_patterns(string line, int mask)
    {
        Assert.Equal(FailureSignals.MatchEveryPattern(line), FailureSignals.Match(line));
        Assert.Equal(mask, FailureSignals.Match(line) & mask);
    }

    [Fact]
    public void The_literal_prefilter_changes_no_signal_on_the_shared_logs()
    {
        var dataset = SharedDataset();
        var lines = 0;
        foreach (var log in Directory.EnumerateFiles(Path.Combine(dataset, "logs"), "*.log.gz", SearchOption.AllDirectories))
        {
            using var gzip = new GZipStream(File.OpenRead(log), CompressionMode.Decompress);
            var prepared = LogFeaturizer.Prepare(new StreamReader(gzip).ReadToEnd());
            foreach (var line in prepared.Lines)
            {
                Assert.True(FailureSignals.MatchEveryPattern(line.Text) == FailureSignals.Match(line.Text), $"{log}: {line.Text}");
                lines++;
            }
        }

        Assert.True(lines > 50_000, $"only {lines} candidate lines: is {dataset} complete?");
    }

    private static string SharedDataset()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "datasets", "ci-failures");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("../shared/datasets/ci-failures beside the checkout");
    }
}
