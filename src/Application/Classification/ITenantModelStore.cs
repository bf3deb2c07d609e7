namespace Faultline.Application.Classification;

/// <summary>A failed job a person gave a category, whose log is still stored.</summary>
public sealed record LabelledJob(long JobId, string Category);

/// <summary>The current tenant's trained models: their cards and ONNX bytes (port).</summary>
public interface ITenantModelStore
{
    /// <summary>
    /// Stores a newly trained model and drops the tenant's other models that serve nothing (neither active nor challenger),
    /// in one transaction: a tenant keeps its serving model and its newest candidate.
    /// </summary>
    Task SaveAsync(TenantModelCard card, byte[] onnx, CancellationToken cancellationToken);

    /// <summary>The tenant's models, newest first.</summary>
    Task<IReadOnlyList<TenantModelCard>> ListAsync(CancellationToken cancellationToken);

    Task<TenantModelCard?> FindAsync(string version, CancellationToken cancellationToken);

    /// <summary>The model's ONNX bytes; null when the tenant has no such model.</summary>
    Task<byte[]?> ReadOnnxAsync(string version, CancellationToken cancellationToken);

    /// <summary>Deletes the model; false when the tenant has no such model.</summary>
    Task<bool> DeleteAsync(string version, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> labelled jobs that still have their log, newest first: what training reads.</summary>
    Task<IReadOnlyList<LabelledJob>> ListLabelledJobsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Labelled jobs that still have their log, per category.</summary>
    Task<IReadOnlyDictionary<string, int>> CountLabelsAsync(CancellationToken cancellationToken);
}
