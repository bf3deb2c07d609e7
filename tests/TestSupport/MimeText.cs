using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace Faultline.TestSupport;

/// <summary>Just enough MIME to read the single-part text e-mails System.Net.Mail writes.</summary>
internal sealed partial record MimeText(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public static MimeText Decode(string raw)
    {
        var split = raw.Replace("\r\n", "\n").Split("\n\n", 2);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in split[0].Split('\n'))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                if (last is not null) headers[last] += line.Trim();
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }

        foreach (var (name, value) in headers.ToList()) headers[name] = EncodedWords(value);

        var body = split.Length > 1 ? split[1] : "";
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant();
        var charset = headers.TryGetValue("Content-Type", out var type) ? new ContentType(type).CharSet ?? "utf-8" : "utf-8";
        body = encoding switch
        {
            "base64" => Encoding.GetEncoding(charset).GetString(Convert.FromBase64String(body.Replace("\n", ""))),
            "quoted-printable" => QuotedPrintable(body, Encoding.GetEncoding(charset)),
            _ => body,
        };
        return new MimeText(headers, body);
    }

    private static string QuotedPrintable(string text, Encoding encoding)
    {
        var joined = text.Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(encoding.GetBytes(joined[i].ToString()));
            }
        }

        return encoding.GetString(bytes.ToArray());
    }

    private static string EncodedWords(string value) => EncodedWord().Replace(value, match =>
    {
        var encoding = Encoding.GetEncoding(match.Groups[1].Value);
        var text = match.Groups[3].Value;
        return match.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? encoding.GetString(Convert.FromBase64String(text))
            : QuotedPrintable(text.Replace('_', ' '), encoding);
    });

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
