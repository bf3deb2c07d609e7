using System.Text.Json;
using Faultline.Application.Common;

namespace Faultline.Application.Tests;

public sealed class DurationTextTests
{
    /// <summary>The SPA's own examples of formatMs (its units test reads the same file).</summary>
    public static TheoryData<double, string> SpaExamples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Clean.sln"))) directory = directory.Parent;
        var path = Path.Combine(directory.FullName, "clientapp", "src", "pages", "dashboards", "model", "durationExamples.json");
        var data = new TheoryData<double, string>();
        foreach (var example in JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray())
            data.Add(example[0].GetDouble(), example[1].GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(SpaExamples))]
    public void Durations_read_as_the_SPA_writes_them(double ms, string text) => Assert.Equal(text, DurationText.Of(ms));
}
