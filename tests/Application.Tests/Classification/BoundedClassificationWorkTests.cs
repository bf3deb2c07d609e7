using System.Runtime.CompilerServices;
using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Domain.Authorization;
using Faultline.Domain.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace Faultline.Application.Tests.Classification;

/// <summary>What one request may make the server read: each job's logs once, a bounded total, and exports row by row.</summary>
public sealed class BoundedClassificationWorkTests
{
    [Fact]
    public async Task A_batch_reads_each_job_once_however_often_it_is_asked_for()
    {
        var store = new CountingStore(logChars: 1_000);
        using var harness = Harness(store);
        PredictionItem[] items = [.. Enumerable.Range(0, 1000).Select(i => new PredictionItem(null, 1 + (i % 3)))];

        var answers = await harness.SendAsync(new BatchPredictFailures(items));

        Assert.Equal(3, store.LogsRead);
        Assert.Equal(1000, answers.Count);
        Assert.All(answers, a => Assert.NotNull(a.Prediction));
        Assert.Equal(answers[0], answers[999]);
    }

    [Fact]
    public async Task A_batch_stops_reading_logs_at_its_cap_and_says_so_per_item()
    {
        const int perLog = 30_000_000;
        var store = new CountingStore(logChars: perLog);
        using var harness = Harness(store);
        PredictionItem[] items = [.. Enumerable.Range(1, 10).Select(i => new PredictionItem(null, i)), new PredictionItem("error: pasted", null)];

        var answers = await harness.SendAsync(new BatchPredictFailures(items));

        var fit = (int)(BatchPredictFailuresHandler.MaxReadCharacters / perLog);
        Assert.All(answers.Take(fit), a => Assert.NotNull(a.Prediction));
        Assert.All(answers.Skip(fit), a => Assert.Equal(413, a.Status));
        Assert.Contains("another batch", answers[^1].Error, StringComparison.Ordinal);
        // The item that crossed the cap was read; none after it.
        Assert.Equal(fit + 1, store.LogsRead);
    }

    [Fact]
    public async Task The_training_set_streams_from_the_store_one_row_at_a_time()
    {
        var store = new CountingStore(logChars: 100);
        using var harness = Harness(store, Permission.ModelsManage);

        var examples = await harness.SendAsync(new ExportTrainingSet(100_000));
        Assert.Equal(0, store.ExamplesProduced);

        await using var rows = examples.GetAsyncEnumerator();
        Assert.True(await rows.MoveNextAsync());
        Assert.Equal("feedback-1", rows.Current.Id);
        Assert.Equal(1, store.ExamplesProduced);
    }

    private static ApplicationHarness Harness(CountingStore store, params Permission[] permissions) =>
        new(new FakePrincipal(true, [Permission.DataPredict, .. permissions]), ports: services =>
        {
            services.AddSingleton<IClassificationStore>(store);
            services.AddSingleton<IFailureClassifier>(new UniformClassifier());
            services.AddSingleton<ITenantModelStore>(new NoTenantModels());
        });

    /// <summary>A tenant that never trained a model of its own: the shipped models serve it.</summary>
    private sealed class NoTenantModels : ITenantModelStore
    {
        public Task SaveAsync(TenantModelCard card, byte[] onnx, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<TenantModelCard>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TenantModelCard>>([]);

        public Task<TenantModelCard?> FindAsync(string version, CancellationToken cancellationToken) => Task.FromResult<TenantModelCard?>(null);

        public Task<byte[]?> ReadOnnxAsync(string version, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

        public Task<bool> DeleteAsync(string version, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyList<LabelledJob>> ListLabelledJobsAsync(int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LabelledJob>>([]);

        public Task<IReadOnlyDictionary<string, int>> CountLabelsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
    }

    /// <summary>Jobs 1..n that each have a log of the given length; counts what it was made to read.</summary>
    private sealed class CountingStore(int logChars) : IClassificationStore
    {
        public int LogsRead { get; private set; }

        public int ExamplesProduced { get; private set; }

        public Task<JobLogs?> GetLogsAsync(long jobId, CancellationToken cancellationToken)
        {
            LogsRead++;
            return Task.FromResult<JobLogs?>(new JobLogs(jobId, new LogTail($"error CS1002: ; expected in job {jobId}", 1, logChars), null));
        }

        public async IAsyncEnumerable<FeedbackExample> ListFeedbackExamplesAsync(
            int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var jobId = 1; jobId <= limit; jobId++)
            {
                await Task.Yield();
                ExamplesProduced++;
                yield return new FeedbackExample(jobId, "acme/shop", "test", new string('x', logChars));
            }
        }

        public Task<ModelAssignment?> GetAssignmentAsync(CancellationToken cancellationToken) => Task.FromResult<ModelAssignment?>(null);

        public Task<int> SaveAssignmentAsync(ModelAssignment assignment, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<JobLogs>> ClaimQueuedAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SavePredictionsAsync(
            IReadOnlyList<JobPredictions> predictions, IReadOnlyCollection<long> unreadable, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<JobClassification?> GetClassificationAsync(long jobId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Feedback?> SaveFeedbackAsync(long jobId, string category, string actor, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Feedback>> ListFeedbackAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ModelAgreement>> CompareModelsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    /// <summary>One model that finds every class equally likely: the tests count reads, not verdicts.</summary>
    private sealed class UniformClassifier : IFailureClassifier
    {
        private static readonly ModelCard Card = new("uniform-1", "none", DateTimeOffset.UnixEpoch, LogFeaturizer.Version,
            FailureSignals.Classes, JsonDocument.Parse("{}").RootElement, "# uniform");

        public IReadOnlyList<ModelCard> Models { get; } = [Card];

        public ModelAssignment DefaultAssignment { get; } = new(Card.Version, null, 0);

        public string ExecutionProvider => "cpu";

        public float[] Classify(string modelVersion, ReadOnlySpan<float> documents, int rows) =>
            [.. Enumerable.Repeat(1f / Card.Classes.Count, rows * Card.Classes.Count)];

        public float[] ScoreLines(string modelVersion, ReadOnlySpan<float> lines, int rows) => new float[rows];
    }
}
