using System.Runtime.InteropServices;

namespace Faultline.Application.Classification.Training;

/// <summary>
/// Labelled feature rows kept sparse (document vectors are mostly zeros), so thousands of them fit in a few megabytes.
/// Rows are added first, then read (from several threads at once) by the trainer.
/// </summary>
public sealed class LabelledRows(int features)
{
    private readonly List<int> _offsets = [0];
    private readonly List<int> _indexes = [];
    private readonly List<float> _values = [];
    private readonly List<int> _labels = [];

    public int Features { get; } = features;

    public int Count => _labels.Count;

    /// <summary>Each row's class index.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>Adds a dense row with its class index.</summary>
    public void Add(ReadOnlySpan<float> row, int label)
    {
        if (row.Length != Features) throw new ArgumentException($"Expected {Features} features.", nameof(row));
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        for (var d = 0; d < row.Length; d++)
        {
            if (row[d] == 0) continue;
            _indexes.Add(d);
            _values.Add(row[d]);
        }

        _offsets.Add(_indexes.Count);
        _labels.Add(label);
    }

    /// <summary>The indexes of row <paramref name="row"/>'s non-zero features, ascending.</summary>
    public ReadOnlySpan<int> Indexes(int row) => CollectionsMarshal.AsSpan(_indexes)[_offsets[row].._offsets[row + 1]];

    /// <summary>The values of row <paramref name="row"/>'s non-zero features, in the order of <see cref="Indexes"/>.</summary>
    public ReadOnlySpan<float> Values(int row) => CollectionsMarshal.AsSpan(_values)[_offsets[row].._offsets[row + 1]];

    /// <summary>Writes row <paramref name="row"/> densely into <paramref name="destination"/>.</summary>
    public void CopyTo(int row, Span<float> destination)
    {
        destination[..Features].Clear();
        var indexes = Indexes(row);
        var values = Values(row);
        for (var i = 0; i < indexes.Length; i++) destination[indexes[i]] = values[i];
    }
}
