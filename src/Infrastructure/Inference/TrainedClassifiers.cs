using Faultline.Application.Classification;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// Tenants' trained classifiers open in ONNX Runtime, keyed by version (which names the model's content, so one open model
/// serves whoever leases it). A leased model is never closed under a request; beyond <paramref name="capacity"/> open models,
/// the least recently used unleased ones are closed.
/// </summary>
internal sealed class TrainedClassifiers(int capacity, Func<byte[], OnnxModel> open) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _open = new(StringComparer.Ordinal);
    private long _uses;

    public IDisposable Lease(ModelCard card, byte[] onnx)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(card.Version, out var entry)) return Take(entry);
        }

        // Opened outside the lock (milliseconds): other tenants' requests do not wait for it.
        var model = open(onnx);
        lock (_gate)
        {
            if (_open.TryGetValue(card.Version, out var raced))
            {
                model.Dispose();
                return Take(raced);
            }

            var entry = new Entry(card, model);
            _open.Add(card.Version, entry);
            return Take(entry);
        }
    }

    public IDisposable? TryLease(string version)
    {
        lock (_gate)
        {
            return _open.TryGetValue(version, out var entry) ? Take(entry) : null;
        }
    }

    /// <summary>The open model of that version; callers hold a lease on it, so it stays open while they use it.</summary>
    public (ModelCard Card, OnnxModel Model)? Find(string version)
    {
        lock (_gate)
        {
            return _open.TryGetValue(version, out var entry) ? (entry.Card, entry.Model) : null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _open.Values) entry.Model.Dispose();
            _open.Clear();
        }
    }

    private Release Take(Entry entry)
    {
        entry.Leases++;
        entry.LastUsed = ++_uses;
        return new Release(this, entry);
    }

    private void Return(Entry entry)
    {
        lock (_gate)
        {
            entry.Leases--;
            while (_open.Count > capacity && _open.Values.Where(e => e.Leases == 0).MinBy(e => e.LastUsed) is { } idle)
            {
                _open.Remove(idle.Card.Version);
                idle.Model.Dispose();
            }
        }
    }

    private sealed class Entry(ModelCard card, OnnxModel model)
    {
        public ModelCard Card { get; } = card;

        public OnnxModel Model { get; } = model;

        public int Leases { get; set; }

        public long LastUsed { get; set; }
    }

    private sealed class Release(TrainedClassifiers owner, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Return(entry);
        }
    }
}
