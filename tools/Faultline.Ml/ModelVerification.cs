using Faultline.Infrastructure.Inference;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Ml;

/// <summary>make train's last step: the exported models give, through ONNX Runtime, the probabilities training recorded.</summary>
internal static class ModelVerification
{
    public static int Run(Arguments arguments)
    {
        var models = Path.GetFullPath(arguments.Required("models"));
        var options = new ClassificationOptions { ModelsPath = models };
        using var classifier = new OnnxFailureClassifier(options, NullLogger<OnnxFailureClassifier>.Instance);
        var failed = false;
        foreach (var result in ModelReferenceCheck.Run(classifier, models, arguments.Required("dataset")))
        {
            Console.WriteLine($"verify: {result.Model}: {result.Compared} values, largest difference {result.LargestDifference:G3}, {result.Mismatches.Count} mismatches");
            foreach (var mismatch in result.Mismatches.Take(10)) Console.WriteLine($"  {mismatch}");
            failed |= result.Mismatches.Count > 0 || result.Compared == 0;
        }

        return failed ? 1 : 0;
    }
}
