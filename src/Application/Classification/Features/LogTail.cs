namespace Faultline.Application.Classification.Features;

/// <summary>
/// What the featurizer reads of a log: its last <see cref="LogLines.MaxScannedChars"/> characters,
/// from the first whole line among them, and that line's number in the whole log. Read from a
/// stream, a log of any size costs no more memory than this.
/// </summary>
/// <param name="Text">Whole lines, the last of them possibly without its newline.</param>
/// <param name="FirstLineNumber">The 1-based number of the first line of <paramref name="Text"/> in the whole log.</param>
/// <param name="LogLength">The whole log's length in characters: what reading it cost.</param>
public sealed record LogTail(string Text, int FirstLineNumber, long LogLength)
{
    private const int Capacity = LogLines.MaxScannedChars;
    private const int ChunkChars = 64 * 1024;

    public static LogTail Of(string log)
    {
        if (log.Length <= Capacity) return new LogTail(log, 1, log.Length);
        var next = log.IndexOf('\n', log.Length - Capacity);
        return next < 0 ? new LogTail("", 1, log.Length) : new LogTail(log[(next + 1)..], 1 + log.AsSpan(0, next + 1).Count('\n'), log.Length);
    }

    /// <summary>Reads to the end, keeping only the last characters in a ring and counting the lines that leave it.</summary>
    public static LogTail Read(TextReader reader)
    {
        var chunk = new char[ChunkChars];
        var ring = new char[ChunkChars];
        long total = 0;
        var linesLeft = 0;
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            // The ring grows until it holds the capacity; positions are log offsets modulo its length.
            if (total + read > ring.Length && ring.Length < Capacity)
                Array.Resize(ref ring, (int)Math.Min(Capacity, Math.Max(2L * ring.Length, total + read)));
            var leaving = Math.Max(0, total + read - Capacity) - Math.Max(0, total - Capacity);
            if (leaving > 0) linesLeft += CountNewlines(ring, Math.Max(0, total - Capacity), (int)leaving);
            Write(ring, total, chunk.AsSpan(0, read));
            total += read;
        }

        if (total <= Capacity) return new LogTail(new string(ring, 0, (int)total), 1, total);

        // The ring is full: its oldest character sits where the next one would go. Begin after its first newline.
        var oldest = (int)(total % Capacity);
        var first = ring.AsSpan(oldest).IndexOf('\n');
        if (first < 0)
        {
            var wrapped = ring.AsSpan(0, oldest).IndexOf('\n');
            if (wrapped < 0) return new LogTail("", 1, total);
            return new LogTail(new string(ring, wrapped + 1, oldest - wrapped - 1), linesLeft + 2, total);
        }

        return new LogTail(string.Concat(ring.AsSpan(oldest + first + 1), ring.AsSpan(0, oldest)), linesLeft + 2, total);
    }

    private static int CountNewlines(char[] ring, long from, int length)
    {
        var at = (int)(from % ring.Length);
        var before = Math.Min(length, ring.Length - at);
        return ring.AsSpan(at, before).Count('\n') + ring.AsSpan(0, length - before).Count('\n');
    }

    private static void Write(char[] ring, long to, ReadOnlySpan<char> chunk)
    {
        var at = (int)(to % ring.Length);
        var before = Math.Min(chunk.Length, ring.Length - at);
        chunk[..before].CopyTo(ring.AsSpan(at));
        chunk[before..].CopyTo(ring);
    }
}
