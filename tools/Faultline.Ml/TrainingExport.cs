using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Application.Classification.Features;
using Faultline.Domain;
using Faultline.Domain.Classification;
using Faultline.Infrastructure.Inference;

namespace Faultline.Ml;

/// <summary>
/// Writes the matrices ml/train.py learns from: one svmlight row per log (its class) and one per
/// candidate line (in the ground-truth excerpt or not), computed by the serving featurizer.
/// </summary>
internal static class TrainingExport
{
    private static readonly string[] Classes = [.. EnumCode.All<FailureCategory>()];

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var manifest = arguments.Required("manifest");
        var root = Path.GetFullPath(arguments.Required("root"));
        var output = arguments.Required("out");
        Directory.CreateDirectory(output);

        var rows = (await File.ReadAllLinesAsync(manifest)).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var exported = new ExportedLog[rows.Count];
        Parallel.For(0, rows.Count, i => exported[i] = Export(rows[i], root));

        await using var docs = Writer(output, "docs.svm");
        await using var docMeta = Writer(output, "docs.jsonl");
        await using var lines = Writer(output, "lines.svm");
        await using var lineMeta = Writer(output, "lines.jsonl");
        foreach (var log in exported)
        {
            await docs.WriteLineAsync(log.DocumentRow);
            await docMeta.WriteLineAsync(log.Meta.ToJsonString());
            foreach (var row in log.LineRows)
            {
                await lines.WriteLineAsync(row);
            }

            await lineMeta.WriteLineAsync(log.LineMeta.ToJsonString());
        }

        var featurizer = new JsonObject
        {
            ["version"] = LogFeaturizer.Version,
            ["documentDimension"] = LogFeaturizer.DocumentDimension,
            ["lineDimension"] = LogFeaturizer.LineDimension,
            ["classes"] = new JsonArray([.. Classes.Select(c => (JsonNode)c)]),
            ["root"] = root,
        };
        await File.WriteAllTextAsync(Path.Combine(output, "featurizer.json"), featurizer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"export: {exported.Length} logs, {exported.Sum(e => e.LineRows.Count)} candidate lines → {output}");
        return 0;
    }

    private static StreamWriter Writer(string directory, string name) =>
        new(Path.Combine(directory, name), false, new UTF8Encoding(false)) { NewLine = "\n" };

    private static ExportedLog Export(JsonObject row, string root)
    {
        var id = (string)row["id"]!;
        var label = (string)row["label"]!;
        var classIndex = Array.IndexOf(Classes, label);
        if (classIndex < 0)
        {
            throw new InvalidDataException($"{id}: unknown label '{label}'.");
        }

        var text = (string?)row["text"] ?? LogFiles.Read(Path.Combine(root, (string)row["log"]!));
        var successPath = (string?)row["success_log"];
        var prepared = LogFeaturizer.Prepare(text, successPath is null ? null : LogFiles.Read(Path.Combine(root, successPath)));

        var document = new float[LogFeaturizer.DocumentDimension];
        LogFeaturizer.Document(prepared, document);

        var excerpt = ExcerptLines(text, (string?)row["reason"]);
        if (excerpt.Count == 0)
        {
            Console.Error.WriteLine($"export: {id}: the excerpt does not occur in the log; its lines are not labelled");
        }

        var features = new float[LogFeaturizer.LineDimension];
        var lineRows = new List<string>();
        var numbers = new JsonArray();
        var keywords = new JsonArray();
        var blocks = new JsonArray();
        foreach (var i in LogFeaturizer.ScoredLineIndexes(prepared))
        {
            var line = prepared.Lines[i];
            LogFeaturizer.Line(prepared, i, features);
            lineRows.Add(SvmRow(excerpt.Contains(line.Number) ? 1 : 0, features));
            numbers.Add(line.Number);
            keywords.Add(line.ErrorLike ? 1 : 0);
            var (first, last) = LogFeaturizer.BlockOf(prepared, i);
            blocks.Add(new JsonArray(first, last));
        }

        var meta = new JsonObject
        {
            ["id"] = id,
            ["repo"] = (string?)row["repo"],
            ["label"] = label,
            ["source"] = (string?)row["source"] ?? "real",
            ["log"] = (string?)row["log"],
        };
        var lineMeta = new JsonObject
        {
            ["id"] = id,
            ["rows"] = lineRows.Count,
            ["lineNumbers"] = numbers,
            ["keyword"] = keywords,
            ["blocks"] = blocks,
            ["excerptLines"] = excerpt.Count,
            ["excerpt"] = new JsonArray([.. excerpt.Order().Select(n => (JsonNode)n)]),
            ["failingStep"] = prepared.Step is { } step ? new JsonArray(step.Start, step.End) : null,
        };
        return new ExportedLog(SvmRow(classIndex, document), meta, lineRows, lineMeta);
    }

    /// <summary>
    /// The line numbers of the excerpt, which occurs verbatim in the log read with universal newlines
    /// (as the dataset's excerpts were cut: CRLF and a lone CR both end a line); none when it does not.
    /// Numbers are the featurizer's, which ends lines at LF only.
    /// </summary>
    private static HashSet<int> ExcerptLines(string log, string? reason)
    {
        var excerpt = reason is null ? "" : UniversalNewlines(reason, out _).TrimEnd('\n');
        var text = UniversalNewlines(log, out var lineAt);
        var at = excerpt.Length == 0 ? -1 : text.IndexOf(excerpt, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        return [.. Enumerable.Range(at, excerpt.Length).Select(i => lineAt[i])];
    }

    private static string UniversalNewlines(string text, out int[] lineAt)
    {
        var builder = new StringBuilder(text.Length);
        var lines = new List<int>(text.Length);
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            builder.Append(c == '\r' ? '\n' : c);
            lines.Add(line);
            line += c == '\n' ? 1 : 0;
        }

        lineAt = [.. lines];
        return builder.ToString();
    }

    private static string SvmRow(int label, ReadOnlySpan<float> features)
    {
        var builder = new StringBuilder(1024);
        builder.Append(label.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i] != 0)
            {
                builder.Append(' ').Append(i.ToString(CultureInfo.InvariantCulture)).Append(':')
                    .Append(features[i].ToString("R", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private sealed record ExportedLog(string DocumentRow, JsonObject Meta, List<string> LineRows, JsonObject LineMeta);
}
