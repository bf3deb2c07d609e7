namespace Faultline.Application.Classification.Training;

/// <summary>
/// A multinomial logistic regression over document feature rows: probabilities = softmax(x · W + b), the shape of the shipped
/// linear model (W is features × classes, row-major, as in its ONNX graph).
/// </summary>
public sealed record LinearModel
{
    public LinearModel(IReadOnlyList<string> classes, int features, float[] weights, float[] bias)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes.Count, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (weights.Length != (long)features * classes.Count) throw new ArgumentException($"Expected {features} × {classes.Count} weights.", nameof(weights));
        if (bias.Length != classes.Count) throw new ArgumentException($"Expected {classes.Count} biases.", nameof(bias));
        Classes = classes;
        Features = features;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>Category codes in the order of the probability outputs.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int Features { get; }

    /// <summary>Features × classes, row-major.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    /// <summary>A model that says the same for every log (no prior knowledge): all weights and biases zero.</summary>
    public static LinearModel Zero(IReadOnlyList<string> classes, int features) =>
        new(classes, features, new float[features * classes.Count], new float[classes.Count]);

    /// <summary>The index of the largest value (the first of equals): the predicted class of a probability row.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) best = values[i] > values[best] ? i : best;
        return best;
    }

    /// <summary>The class probabilities of one dense feature row.</summary>
    public float[] Probabilities(ReadOnlySpan<float> row)
    {
        if (row.Length != Features) throw new ArgumentException($"Expected {Features} features.", nameof(row));
        var logits = new double[Classes.Count];
        for (var k = 0; k < logits.Length; k++) logits[k] = Bias[k];
        for (var d = 0; d < row.Length; d++)
        {
            if (row[d] == 0) continue;
            for (var k = 0; k < logits.Length; k++) logits[k] += (double)row[d] * Weights[d * logits.Length + k];
        }

        Softmax.InPlace(logits);
        return [.. logits.Select(p => (float)p)];
    }
}

internal static class Softmax
{
    /// <summary>Turns logits into probabilities, shifted by the largest so no exponent overflows.</summary>
    public static void InPlace(Span<double> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        var sum = 0.0;
        for (var k = 0; k < logits.Length; k++) sum += logits[k] = Math.Exp(logits[k] - max);
        for (var k = 0; k < logits.Length; k++) logits[k] /= sum;
    }
}
