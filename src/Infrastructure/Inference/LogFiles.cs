using System.IO.Compression;
using System.Text;

namespace Faultline.Infrastructure.Inference;

/// <summary>Reads a dataset's log file (gzip when it ends in .gz) as the server would hold it: UTF-8, invalid bytes replaced.</summary>
public static class LogFiles
{
    public static string Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
        return reader.ReadToEnd();
    }
}
