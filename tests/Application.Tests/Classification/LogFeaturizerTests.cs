using System.Text;
using Faultline.Application.Classification.Features;

namespace Faultline.Application.Tests.Classification;

public sealed class LogFeaturizerTests
{
    [Theory]
    [InlineData("2026-03-04T10:11:12.1234567Z \u001b[31merror\u001b[0m TS2345: Argument of type 'number'", "error ts2345 argument of type number")]
    [InlineData("/home/runner/work/app/src/index.ts:12:5 - error", "path ext_ts error")]
    [InlineData("commit 3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f pushed", "commit hex pushed")]
    [InlineData("see https://example.com/a/b?c=1 for details", "see url for details")]
    [InlineData("Downloading 45% \rDownloaded 100%", "downloaded")]
    [InlineData("      ^~~~~", "caret")]
    [InlineData("took 1234 ms", "took ms")]
    public void Lines_are_normalised_so_two_runs_of_one_message_read_alike(string raw, string normalised) =>
        Assert.Equal(normalised, LogLines.Normalise(LogLines.Visible(raw), new StringBuilder()));

    [Theory]
    [InlineData("npm ERR! code E404", true)]
    [InlineData("FAILED tests/test_api.py::test_login", true)]
    [InlineData("bash: line 1: yarnn: command not found", true)]
    [InlineData("##[error]Process completed with exit code 1.", true)]
    [InlineData("Installing collected packages: requests", false)]
    public void Error_like_lines_are_recognised(string line, bool errorLike) =>
        Assert.Equal(errorLike, LogLines.IsErrorLike(LogLines.Normalise(line, new StringBuilder())));

    [Fact]
    public void The_same_log_gives_the_same_features_and_they_have_unit_length()
    {
        var log = string.Join('\n', Enumerable.Range(0, 300).Select(i => $"step {i} ok").Append("error CS1002: ; expected").Append("Build FAILED."));
        var first = Features(log);
        var second = Features(log);
        Assert.Equal(first, second);
        Assert.Equal(LogFeaturizer.DocumentDimension, first.Length);
        var norm = Math.Sqrt(first.Take(LogFeaturizer.HashedDimension).Sum(v => (double)v * v));
        Assert.Equal(1, norm, 5);
    }

    [Fact]
    public void Lines_the_successful_run_printed_too_weigh_less_than_new_ones()
    {
        const string shared = "warning: deprecated API used in Legacy.cs";
        var failed = $"restore\n{shared}\nerror CS0103: The name 'x' does not exist\nBuild FAILED.";
        var succeeded = $"restore\n{shared}\nBuild succeeded.";

        var prepared = LogFeaturizer.Prepare(failed, succeeded);
        Assert.False(prepared.Lines.Single(l => l.Text == shared).Novel);
        Assert.True(prepared.Lines.Single(l => l.Text.StartsWith("error CS0103", StringComparison.Ordinal)).Novel);
        Assert.NotEqual(Features(failed), Features(failed, succeeded));
    }

    [Fact]
    public void Candidate_lines_are_bounded_in_log_order_and_favour_error_lines()
    {
        var lines = Enumerable.Range(1, 5000).Select(i => i == 100 ? "fatal error: out of memory" : $"compiling unit {i}");
        var prepared = LogFeaturizer.Prepare(string.Join('\n', lines));
        var scored = LogFeaturizer.ScoredLineIndexes(prepared);

        Assert.Equal(LogFeaturizer.ScoredLines, scored.Count);
        Assert.Equal(scored.Order(), scored);
        Assert.Contains(scored, i => prepared.Lines[i].Number == 100);
        Assert.Equal(5000, prepared.Lines[scored[^1]].Number);
    }

    [Fact]
    public void A_huge_log_is_read_from_its_end_with_true_line_numbers()
    {
        var builder = new StringBuilder();
        for (var i = 1; i <= 400_000; i++) builder.Append("line ").Append(i).Append(" of noise padding padding padding\n");
        builder.Append("error: linker command failed");
        var log = builder.ToString();
        Assert.True(log.Length > LogLines.MaxScannedChars);

        var prepared = LogFeaturizer.Prepare(log);
        var last = prepared.Lines[^1];
        Assert.Equal(400_001, last.Number);
        Assert.Equal("error: linker command failed", last.Text);
        Assert.Equal(400_001, prepared.TotalLines);
    }

    [Fact]
    public void Empty_and_binary_logs_still_give_finite_features()
    {
        var garbage = new string([.. Enumerable.Range(0, 5000).Select(i => (char)(i * 7919 % 0xD7FF))]);
        foreach (var log in new[] { "", "\n\n\n", garbage })
        {
            Assert.All(Features(log), v => Assert.True(float.IsFinite(v)));
            var prepared = LogFeaturizer.Prepare(log);
            var line = new float[LogFeaturizer.LineDimension];
            foreach (var index in LogFeaturizer.ScoredLineIndexes(prepared)) LogFeaturizer.Line(prepared, index, line);
        }
    }

    public static TheoryData<string, string, int> Pathological => new()
    {
        { "1 failed ", "", 40_000 }, // one 360 KB line: backtracking ".*" never finished on it
        { "error: ", "", 150_000 }, // 1 MB, no newline
        { "\n", "", 100_000 }, // 100,000 blank lines
        { "   \t\u001b[0m\r", "\n", 50_000 },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_logs_are_featurized_in_linear_work(string repeated, string separator, int times)
    {
        var once = ScannedToFeaturize(string.Join(separator, Enumerable.Repeat(repeated, times)));
        var twice = ScannedToFeaturize(string.Join(separator, Enumerable.Repeat(repeated, 2 * times)));
        var length = (repeated.Length + separator.Length) * times;

        // Each character is read into its line once and matched once per signal class.
        Assert.InRange(once, 1, 10L * (length + times));
        Assert.InRange(twice, once, 2 * once + 10);
    }

    private static long ScannedToFeaturize(string log)
    {
        var before = ScanCounter.Characters;
        var prepared = LogFeaturizer.Prepare(log);
        LogFeaturizer.Document(prepared, new float[LogFeaturizer.DocumentDimension]);
        var line = new float[LogFeaturizer.LineDimension];
        foreach (var index in LogFeaturizer.ScoredLineIndexes(prepared)) LogFeaturizer.Line(prepared, index, line);
        return ScanCounter.Characters - before;
    }

    private static float[] Features(string log, string? successful = null)
    {
        var features = new float[LogFeaturizer.DocumentDimension];
        LogFeaturizer.Document(LogFeaturizer.Prepare(log, successful), features);
        return features;
    }
}
