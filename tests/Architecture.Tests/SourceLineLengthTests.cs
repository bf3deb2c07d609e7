namespace Faultline.Architecture.Tests;

/// <summary>Product code stays readable on a screen: no line of src/ runs on for hundreds of characters.</summary>
public class SourceLineLengthTests
{
    // .editorconfig asks for 150; this is the hard stop that fails the build.
    private const int MaxLineLength = 180;

    [Fact]
    public void No_line_in_src_is_longer_than_the_limit()
    {
        var tooLong = LongLines(Path.Combine(LayerRuleTests.RepositoryRoot(), "src"), MaxLineLength);

        Assert.True(tooLong.Count == 0, $"Lines longer than {MaxLineLength} characters: {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void The_check_catches_a_long_line()
    {
        var folder = Directory.CreateTempSubdirectory("faultline-lines-");
        File.WriteAllLines(Path.Combine(folder.FullName, "Long.cs"), ["short", new string('x', MaxLineLength + 1)]);

        Assert.Equal(["Long.cs:2 (181)"], LongLines(folder.FullName, MaxLineLength));
    }

    private static List<string> LongLines(string root, int limit) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".sql", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, number: index + 1, line.Length)))
            .Where(line => line.Length > limit)
            .Select(line => $"{Path.GetRelativePath(root, line.path)}:{line.number} ({line.Length})")
            .ToList();
}
