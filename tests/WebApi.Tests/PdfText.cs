using System.Diagnostics;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>A report's PDF read back as people see it: pdftotext (poppler-utils) for its text, pdftoppm for PNGs under test-results/reports.</summary>
internal static class PdfText
{
    private static readonly string Output = Path.Combine(TestStack.RepositoryRoot, "test-results", "reports");

    /// <summary>Saves the PDF, renders its pages to PNG beside it and returns its text as pdftotext lays it out.</summary>
    public static async Task<string> ReadBackAsync(byte[] pdf, string name)
    {
        Directory.CreateDirectory(Output);
        var file = Path.Combine(Output, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", "-png", "-r", "80", file, Path.Combine(Output, name));
        return await RunAsync("pdftotext", "-layout", file, "-");
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start; install poppler-utils (scripts/deps.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await errors}");
        return await output;
    }
}
