using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Application.Classification.Training;

namespace Faultline.Application.Tests.Classification;

/// <summary>The tenant model's trainer (a prior-regularised softmax regression) and the guard on activating it.</summary>
public sealed class TenantModelTrainingTests
{
    private static readonly string[] Classes = ["compilation", "test", "lint"];

    /// <summary>
    /// Rows of 6 features: feature <c>class</c> is on (the signal), plus a little deterministic noise on features 3–5.
    /// </summary>
    private static LabelledRows Toy(int perClass, Func<int, int>? relabel = null)
    {
        var rows = new LabelledRows(6);
        for (var i = 0; i < perClass * Classes.Length; i++)
        {
            var label = i % Classes.Length;
            var row = new float[6];
            row[label] = 1;
            row[3 + (i * 7 % 3)] = 0.1f * (i % 5);
            rows.Add(row, relabel?.Invoke(label) ?? label);
        }

        return rows;
    }

    private static int[] All(LabelledRows rows) => [.. Enumerable.Range(0, rows.Count)];

    private static int Predict(LinearModel model, LabelledRows rows, int row)
    {
        var dense = new float[rows.Features];
        rows.CopyTo(row, dense);
        return LinearModel.ArgMax(model.Probabilities(dense));
    }

    private static double Distance(LinearModel a, LinearModel b) =>
        Math.Sqrt(a.Weights.Zip(b.Weights, (x, y) => (double)(x - y) * (x - y)).Sum() + a.Bias.Zip(b.Bias, (x, y) => (double)(x - y) * (x - y)).Sum());

    [Fact]
    public void It_learns_a_separable_set_from_nothing_and_predicts_it_out_of_fold()
    {
        var rows = Toy(perClass: 10);
        var model = SoftmaxRegression.Fit(rows, All(rows), LinearModel.Zero(Classes, 6), priorStrength: 0.01);

        Assert.All(Enumerable.Range(0, rows.Count), i => Assert.Equal(rows.Labels[i], Predict(model, rows, i)));
        Assert.Equal(rows.Labels, SoftmaxRegression.OutOfFold(rows, LinearModel.Zero(Classes, 6), folds: 5, priorStrength: 0.01));
        Assert.All(model.Probabilities([1, 0, 0, 0, 0, 0]), (p, k) => Assert.True(k == 0 ? p > 0.9 : p < 0.05, $"class {k}: {p}"));
    }

    [Fact]
    public void A_strong_prior_keeps_the_model_at_the_prior_and_a_weak_one_lets_the_labels_move_it()
    {
        var rows = Toy(perClass: 8);
        var prior = SoftmaxRegression.Fit(rows, All(rows), LinearModel.Zero(Classes, 6), priorStrength: 0.01);
        // The tenant calls feature 0's failures "lint": the opposite of what the prior learned.
        var relabelled = Toy(perClass: 8, label => label == 0 ? 2 : label);

        var held = SoftmaxRegression.Fit(relabelled, All(relabelled), prior, priorStrength: 1e6);
        var adjusted = SoftmaxRegression.Fit(relabelled, All(relabelled), prior);

        Assert.True(Distance(held, prior) < 1e-3, $"moved {Distance(held, prior)}");
        Assert.Equal(0, LinearModel.ArgMax(held.Probabilities([1, 0, 0, 0, 0, 0])));
        // With the default strength a couple of dozen labels adjust the prior where they disagree and keep the rest.
        Assert.Equal(2, LinearModel.ArgMax(adjusted.Probabilities([1, 0, 0, 0, 0, 0])));
        Assert.Equal(1, LinearModel.ArgMax(adjusted.Probabilities([0, 1, 0, 0, 0, 0])));
        Assert.Equal(prior.Classes, adjusted.Classes);
    }

    [Fact]
    public void Without_labels_for_a_region_the_prior_decides_there()
    {
        // The prior knows class 1 by feature 1; the tenant's labels only cover classes 0 and 2.
        var prior = SoftmaxRegression.Fit(Toy(perClass: 8), All(Toy(perClass: 8)), LinearModel.Zero(Classes, 6), priorStrength: 0.01);
        var rows = Toy(perClass: 8);
        var withoutClass1 = Enumerable.Range(0, rows.Count).Where(i => rows.Labels[i] != 1).ToList();

        var model = SoftmaxRegression.Fit(rows, withoutClass1, prior);

        Assert.Equal(1, LinearModel.ArgMax(model.Probabilities([0, 1, 0, 0, 0, 0])));
    }

    [Fact]
    public void Training_is_deterministic_bit_for_bit()
    {
        var rows = Toy(perClass: 12, label => label == 1 ? 2 : label);
        var prior = LinearModel.Zero(Classes, 6);

        var first = SoftmaxRegression.Fit(rows, All(rows), prior);
        var second = SoftmaxRegression.Fit(rows, All(rows), prior);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(SoftmaxRegression.OutOfFold(rows, prior, 5), SoftmaxRegression.OutOfFold(rows, prior, 5));
    }

    [Fact]
    public void Folds_hold_every_class_in_proportion()
    {
        int[] labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2];
        // Each class is dealt round-robin over the folds, in row order.
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1], SoftmaxRegression.Folds(labels, 5));
    }

    [Fact]
    public void Sparse_rows_give_back_the_dense_rows_they_were_made_of()
    {
        var rows = new LabelledRows(5);
        rows.Add([0, 2, 0, 0, -1], 1);
        rows.Add([0, 0, 0, 0, 0], 0);
        var dense = new float[5];

        rows.CopyTo(0, dense);
        Assert.Equal([0, 2, 0, 0, -1], dense);
        Assert.Equal([1, 4], rows.Indexes(0).ToArray());
        rows.CopyTo(1, dense);
        Assert.All(dense, v => Assert.Equal(0, v));
        Assert.Equal([1, 0], rows.Labels);
    }

    private static TenantModelCard Card(int labels = 40, double outOfFold = 0.8, double shipped = 0.7, string featurizer = LogFeaturizer.Version,
        string shippedModel = "fl-shipped", Dictionary<string, int>? perClass = null) =>
        new("tenant-20261207-abc", DateTimeOffset.UnixEpoch, "owner@example.com", featurizer, Classes, "fl-lr", 1, labels,
            perClass ?? new() { ["compilation"] = labels / 2, ["test"] = labels - (labels / 2) }, 0, 5, outOfFold, shippedModel, shipped, 0, 10);

    [Fact]
    public void The_guard_lets_a_model_that_beats_the_shipped_one_on_enough_labels_serve()
    {
        Assert.Null(TenantModelGuard.Refusal(Card(), "fl-shipped"));
        Assert.Null(TenantModelGuard.Refusal(Card(labels: TenantModelGuard.MinimumLabels), "fl-shipped"));
    }

    [Fact]
    public void The_guard_refuses_a_model_that_is_not_strictly_better_naming_both_figures()
    {
        var refusal = TenantModelGuard.Refusal(Card(outOfFold: 0.75, shipped: 0.75), "fl-shipped");

        Assert.NotNull(refusal);
        Assert.Contains("75.0", refusal);
        Assert.Contains("fl-shipped", refusal);
        Assert.NotNull(TenantModelGuard.Refusal(Card(outOfFold: 0.6, shipped: 0.75), "fl-shipped"));
    }

    [Fact]
    public void The_guard_refuses_too_few_labels_or_a_single_category()
    {
        Assert.Contains("at least 20", TenantModelGuard.Refusal(Card(labels: 19), "fl-shipped"));
        Assert.Contains("1 categories", TenantModelGuard.Refusal(Card(perClass: new() { ["test"] = 40 }), "fl-shipped"));
    }

    [Fact]
    public void The_guard_refuses_a_stale_model_or_one_compared_with_another_shipped_model()
    {
        var stale = Card(featurizer: "fl-feat-0");
        Assert.True(stale.Stale);
        Assert.Contains("Retrain", TenantModelGuard.Refusal(stale, "fl-shipped"));
        Assert.Contains("Retrain", TenantModelGuard.Refusal(Card(), "fl-newer"));
    }
}
