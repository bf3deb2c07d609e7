using Faultline.Application.Classification.Training;

namespace Faultline.Application.Classification;

/// <summary>Writes a linear model in the format the classifier serves (port): ONNX, the graph of the shipped linear model.</summary>
public interface ILinearModelSerializer
{
    /// <param name="metadata">Key/value pairs recorded in the model (featurizer version, classes).</param>
    byte[] Serialize(LinearModel model, IReadOnlyDictionary<string, string> metadata);
}
