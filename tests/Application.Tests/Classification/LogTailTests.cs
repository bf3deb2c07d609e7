using System.Text;
using Faultline.Application.Classification.Features;

namespace Faultline.Application.Tests.Classification;

public sealed class LogTailTests
{
    private const int Capacity = LogLines.MaxScannedChars;

    public static TheoryData<string> Logs => new()
    {
        "",
        "one line",
        "two\nlines\n",
        "crlf\r\nlines\r\n",
        Lines(Capacity / 20 + 1, 20),
        Lines(Capacity / 10, 10),
        new string('x', Capacity - 1) + "\nlast",
        new string('x', Capacity) + "\nlast",
        "first\n" + new string('x', Capacity + 5),
        Lines(2 * Capacity / 37, 37) + "error: the end",
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_streamed_log_gives_the_tail_of_the_whole_string(string log)
    {
        var streamed = LogTail.Read(new StringReader(log));

        Assert.Equal(LogTail.Of(log), streamed);
        Assert.True(streamed.Text.Length <= Capacity);
        Assert.Equal(log.Length, streamed.LogLength);
    }

    [Fact]
    public void The_tail_keeps_true_line_numbers()
    {
        var log = Lines(3 * Capacity / 20, 20) + "error: linker command failed";

        var tail = LogTail.Read(new StringReader(log));
        var lines = LogLines.Read(tail);

        Assert.Equal(log.Count(c => c == '\n') + 1, lines[^1].Number);
        Assert.Equal("error: linker command failed", lines[^1].Text);
        Assert.Equal(log.Split('\n')[tail.FirstLineNumber - 1], lines[0].Text);
    }

    [Fact]
    public void Reading_a_huge_log_allocates_about_its_tail_not_the_whole_log()
    {
        const long logChars = 100L * 1024 * 1024;
        var before = GC.GetAllocatedBytesForCurrentThread();

        var tail = LogTail.Read(new RepeatingReader("step ok: compiling module\n", logChars));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(logChars, tail.LogLength);
        // The ring as it grows and the tail's string: a few tail-sized buffers, a sixth of the log.
        Assert.True(allocated < 4L * Capacity * sizeof(char), $"{allocated:N0} bytes allocated to read a {logChars:N0}-character log");
    }

    private static string Lines(int count, int width)
    {
        var builder = new StringBuilder(count * width);
        for (var i = 0; i < count; i++) builder.Append((i % 1000).ToString("D3", null).PadRight(width - 1, '.')).Append('\n');
        return builder.ToString();
    }

    /// <summary>A log of any length, made as it is read: nothing holds it whole.</summary>
    private sealed class RepeatingReader(string text, long length) : TextReader
    {
        private long _position;

        public override int Read(Span<char> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < count; i++) buffer[i] = text[(int)((_position + i) % text.Length)];
            _position += count;
            return count;
        }
    }
}
