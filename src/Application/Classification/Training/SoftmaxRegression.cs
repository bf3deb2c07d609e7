namespace Faultline.Application.Classification.Training;

/// <summary>
/// Trains a multinomial logistic regression by L-BFGS on labelled sparse rows, pulled toward a prior model: it minimises
/// Σ cross-entropy + (priorStrength / 2) · ‖θ − θ_prior‖², starting at the prior. With a few dozen labels the result stays
/// close to the prior (the shipped model) and moves only where the labels disagree with it. Deterministic: the same rows
/// give the same model, bit for bit, whatever the machine's threads.
/// </summary>
public static class SoftmaxRegression
{
    /// <summary>How strongly the weights are held to the prior (the precision of a Gaussian prior around it).</summary>
    public const double DefaultPriorStrength = 1.0;

    public const int MaxIterations = 100;

    private const int History = 7;
    private const double GradientTolerance = 1e-5;

    /// <summary>Fits the rows <paramref name="subset"/> (indexes into <paramref name="rows"/>), starting at <paramref name="prior"/>.</summary>
    public static LinearModel Fit(
        LabelledRows rows, IReadOnlyList<int> subset, LinearModel prior, double priorStrength = DefaultPriorStrength, int maxIterations = MaxIterations,
        CancellationToken cancellationToken = default)
    {
        if (rows.Features != prior.Features) throw new ArgumentException($"The rows have {rows.Features} features, the prior {prior.Features}.", nameof(prior));
        ArgumentOutOfRangeException.ThrowIfNegative(priorStrength);
        var classes = prior.Classes.Count;
        var anchor = new double[prior.Weights.Length + classes];
        for (var i = 0; i < prior.Weights.Length; i++) anchor[i] = prior.Weights[i];
        for (var k = 0; k < classes; k++) anchor[prior.Weights.Length + k] = prior.Bias[k];
        var objective = new Objective(rows, subset, anchor, classes, priorStrength);
        var theta = Minimise(objective, (double[])anchor.Clone(), maxIterations, cancellationToken);
        var weights = new float[prior.Weights.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)theta[i];
        var bias = new float[classes];
        for (var k = 0; k < classes; k++) bias[k] = (float)theta[weights.Length + k];
        return new LinearModel(prior.Classes, prior.Features, weights, bias);
    }

    /// <summary>
    /// Out-of-fold predictions: the rows are dealt into <paramref name="folds"/> folds (stratified by class, in row order), and
    /// each fold is predicted by a model fitted on the others, so no row is predicted by a model that saw it. Returns each
    /// row's predicted class index.
    /// </summary>
    public static int[] OutOfFold(
        LabelledRows rows, LinearModel prior, int folds, double priorStrength = DefaultPriorStrength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = Folds(rows.Labels, folds);
        var predicted = new int[rows.Count];
        // Folds are fitted in parallel, each on one thread: the result does not depend on scheduling.
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = cancellationToken }, f =>
        {
            var training = Enumerable.Range(0, rows.Count).Where(i => fold[i] != f).ToList();
            var model = Fit(rows, training, prior, priorStrength, MaxIterations, cancellationToken);
            var dense = new float[rows.Features];
            for (var i = 0; i < rows.Count; i++)
            {
                if (fold[i] != f) continue;
                rows.CopyTo(i, dense);
                predicted[i] = LinearModel.ArgMax(model.Probabilities(dense));
            }
        });
        return predicted;
    }

    /// <summary>Each row's fold: the rows of each class are dealt round-robin, so every fold holds its share of every class.</summary>
    public static int[] Folds(IReadOnlyList<int> labels, int folds)
    {
        var fold = new int[labels.Count];
        var dealt = new Dictionary<int, int>();
        for (var i = 0; i < labels.Count; i++)
        {
            var next = dealt.GetValueOrDefault(labels[i]);
            fold[i] = next % folds;
            dealt[labels[i]] = next + 1;
        }

        return fold;
    }

    /// <summary>L-BFGS with a backtracking (Armijo) line search.</summary>
    private static double[] Minimise(Objective objective, double[] theta, int maxIterations, CancellationToken cancellationToken)
    {
        var n = theta.Length;
        var gradient = new double[n];
        var value = objective.Evaluate(theta, gradient);
        var steps = new List<(double[] S, double[] Y, double Rho)>(History);
        var direction = new double[n];
        var candidate = new double[n];
        var candidateGradient = new double[n];
        var alpha = new double[History];
        for (var iteration = 0; iteration < maxIterations && MaxAbs(gradient) > GradientTolerance; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Two-loop recursion: direction = −H·gradient.
            Array.Copy(gradient, direction, n);
            for (var j = steps.Count - 1; j >= 0; j--)
            {
                alpha[j] = steps[j].Rho * Dot(steps[j].S, direction);
                Axpy(-alpha[j], steps[j].Y, direction);
            }

            var scale = steps.Count == 0 ? 1 / Math.Max(1, Math.Sqrt(Dot(gradient, gradient))) : Dot(steps[^1].S, steps[^1].Y) / Dot(steps[^1].Y, steps[^1].Y);
            for (var i = 0; i < n; i++) direction[i] *= scale;
            for (var j = 0; j < steps.Count; j++)
            {
                var beta = steps[j].Rho * Dot(steps[j].Y, direction);
                Axpy(alpha[j] - beta, steps[j].S, direction);
            }

            for (var i = 0; i < n; i++) direction[i] = -direction[i];
            var slope = Dot(gradient, direction);
            if (slope >= 0) break;

            var step = 1.0;
            double next;
            while (true)
            {
                for (var i = 0; i < n; i++) candidate[i] = theta[i] + step * direction[i];
                next = objective.Evaluate(candidate, candidateGradient);
                if (next <= value + 1e-4 * step * slope || step < 1e-10) break;
                step /= 2;
            }

            if (next > value) break;
            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = candidate[i] - theta[i];
                y[i] = candidateGradient[i] - gradient[i];
            }

            var curvature = Dot(s, y);
            if (curvature > 1e-12)
            {
                if (steps.Count == History) steps.RemoveAt(0);
                steps.Add((s, y, 1 / curvature));
            }

            (theta, candidate) = (candidate, theta);
            (gradient, candidateGradient) = (candidateGradient, gradient);
            var decrease = value - next;
            value = next;
            if (decrease <= 1e-10 * Math.Max(1, Math.Abs(value))) break;
        }

        return theta;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] values)
    {
        var max = 0.0;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>Σ cross-entropy over the subset + the pull toward the anchor, and its gradient. θ = weights (features × classes), then biases.</summary>
    private sealed class Objective(LabelledRows rows, IReadOnlyList<int> subset, double[] anchor, int classes, double strength)
    {
        private readonly double[] _logits = new double[classes];

        public double Evaluate(double[] theta, double[] gradient)
        {
            var biasAt = theta.Length - classes;
            var value = 0.0;
            for (var i = 0; i < theta.Length; i++)
            {
                var away = theta[i] - anchor[i];
                value += strength / 2 * away * away;
                gradient[i] = strength * away;
            }

            foreach (var row in subset)
            {
                var indexes = rows.Indexes(row);
                var values = rows.Values(row);
                for (var k = 0; k < classes; k++) _logits[k] = theta[biasAt + k];
                for (var j = 0; j < indexes.Length; j++)
                {
                    var at = indexes[j] * classes;
                    for (var k = 0; k < classes; k++) _logits[k] += values[j] * theta[at + k];
                }

                var label = rows.Labels[row];
                var max = _logits.Max();
                var sum = 0.0;
                foreach (var z in _logits) sum += Math.Exp(z - max);
                value += max + Math.Log(sum) - _logits[label];
                Softmax.InPlace(_logits);
                _logits[label] -= 1;
                for (var j = 0; j < indexes.Length; j++)
                {
                    var at = indexes[j] * classes;
                    for (var k = 0; k < classes; k++) gradient[at + k] += values[j] * _logits[k];
                }

                for (var k = 0; k < classes; k++) gradient[biasAt + k] += _logits[k];
            }

            return value;
        }
    }
}
