using Faultline.Infrastructure.Reports;

namespace Faultline.Infrastructure.Tests.Reports;

public sealed class CsvReportWriterTests
{
    [Theory]
    [InlineData("acme/api", "acme/api")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_are_quoted_as_rfc_4180_says_and_formulas_are_defused(string? cell, string written) =>
        Assert.Equal(written, CsvReportWriter.Quote(cell));

    [Theory]
    [InlineData("Failure rate by repository", "failure-rate-by-repository")]
    [InlineData("  Why?! jobs — failed ", "why-jobs-failed")]
    [InlineData("…", "widget")]
    public void File_names_are_slugs_of_the_title(string title, string slug) => Assert.Equal(slug, CsvReportWriter.Slug(title));
}
