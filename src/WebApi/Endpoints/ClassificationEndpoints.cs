using System.Text.Json;
using System.Text.Json.Serialization;
using Faultline.Application.Classification;
using Faultline.Domain.Authorization;
using Faultline.WebApi.Hosting;
using Faultline.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Faultline.WebApi.Endpoints;

public static class ClassificationEndpoints
{
    /// <summary>A 25-million-character log as JSON, with room for escapes.</summary>
    public const long MaxPredictBytes = 64L * 1024 * 1024;

    public sealed record PredictBody(
        string? Log, [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? JobId);

    public sealed record BatchPredictBody(IReadOnlyList<PredictBody>? Items);

    public sealed record BatchPredictResult(IReadOnlyList<BatchPrediction> Items);

    public sealed record FeedbackBody(
        [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] long? JobId, string? Category);

    public sealed record AssignmentBody(string? Active, string? Challenger, double? ChallengerShare);

    public sealed record TrainBody(int? MaxLabels);

    public static void MapClassificationEndpoints(this IEndpointRouteBuilder api)
    {
        var classification = api.MapGroup("").WithTags("Classification");

        classification.MapPost("/predict", async (HttpContext context, IMediator mediator, IOptions<JsonOptions> json) =>
            {
                var body = await ReadLargeJsonAsync<PredictBody>(context, json.Value.SerializerOptions);
                return await mediator.Send(new PredictFailure(body.Log, body.JobId), context.RequestAborted);
            })
            .WithName("predictFailure")
            .WithSummary("Why a job failed: {\"log\": \"<text>\"} or {\"jobId\": <id>} → category, confidence, per-class probabilities, "
                         + "the key lines (1-based line numbers) and the model version. API keys need the predict scope.")
            .WithDescription("""
                A pasted log is classified by the tenant's active model; a job by the model serving that job (the active model, or the
                challenger for its traffic share), with the job's last successful log used to discount lines that also occur there.
                Logs up to 25,000,000 characters are accepted; only their last 4 MB are read. Nothing is stored.
                """)
            .Accepts<PredictBody>("application/json")
            .WithRequestExample("""
                {"log": "Compiling shop v0.1.0\nerror[E0425]: cannot find value `total` in this scope\n --> src/cart.rs:42:9\nerror: could not compile `shop`"}
                """)
            .Produces<FailureAnalysis>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        classification.MapPost("/batch-predict", async (HttpContext context, IMediator mediator, IOptions<JsonOptions> json) =>
            {
                var body = await ReadLargeJsonAsync<BatchPredictBody>(context, json.Value.SerializerOptions);
                var items = body.Items?.Select(i => i is null ? null! : new PredictionItem(i.Log, i.JobId)).ToList();
                return new BatchPredictResult(await mediator.Send(new BatchPredictFailures(items!), context.RequestAborted));
            })
            .WithName("batchPredictFailures")
            .WithSummary("Up to 1,000 predictions: {\"items\": [{\"log\"}|{\"jobId\"}, ...]} → items in the same order, each "
                         + "{\"prediction\"} or, for a job that is missing or has no log, {\"status\", \"error\"}.")
            .Accepts<BatchPredictBody>("application/json")
            .Produces<BatchPredictResult>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        classification.MapGet("/models", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListModels(), cancellationToken))
            .WithName("listModels")
            .WithSummary("The deployed models with their cards and evaluation metrics, which one serves this tenant, its challenger, "
                         + "and how often each agreed with people's corrections here.")
            .Produces<ModelList>();

        classification.MapPut("/models/assignment", (AssignmentBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new AssignModels(body.Active, body.Challenger, body.ChallengerShare ?? 0), cancellationToken))
            .WithName("assignModels")
            .WithSummary("Chooses the active model and an optional challenger with its share of jobs (0–1). A change queues the tenant's "
                         + "classified jobs for re-classification, behind new failures. Needs models:manage (admins).")
            .Produces<AssignedModels>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        classification.MapGet("/models/tenant", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListTenantModels(), cancellationToken))
            .WithName("listTenantModels")
            .WithSummary("The models this tenant trained on its own labelled jobs, each with its card (out-of-fold accuracy vs the shipped "
                         + "model's on the same jobs) and whether it may be activated, and the labels there are to train on.")
            .Produces<TenantModelList>();

        classification.MapPost("/models/tenant", async (TrainBody? body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var trained = await mediator.Send(new TrainTenantModel(body?.MaxLabels ?? TrainTenantModel.DefaultMaxLabels), cancellationToken);
                return Results.Created("/api/v1/models/tenant", trained);
            })
            .WithName("trainTenantModel")
            .WithSummary("Trains a model on this tenant's newest labelled jobs (maxLabels, 20–1,000, default 1,000), starting from the shipped "
                         + "linear model, and stores it with its card; it is not activated. 409 when there are fewer than 20 labelled jobs "
                         + "with logs in at least 2 categories. Needs models:manage.")
            .Produces<TenantModelDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        classification.MapPost("/models/tenant/{version}/activate", (string version, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ActivateTenantModel(version), cancellationToken))
            .WithName("activateTenantModel")
            .WithSummary("Makes the tenant's trained model its active model (the shipped one stays on as a challenger with no share) and "
                         + "re-queues its classified jobs. 409 naming the figures unless the model beats the shipped model out of fold on "
                         + "at least 20 labelled jobs in 2 categories, with this server's featurizer. Needs models:manage.")
            .Produces<AssignedModels>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        classification.MapPost("/models/tenant/deactivate", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new DeactivateTenantModel(), cancellationToken))
            .WithName("deactivateTenantModel")
            .WithSummary("Returns the tenant to the shipped models when its own model serves it (re-queueing its classified jobs); the "
                         + "trained model is kept. Needs models:manage.")
            .Produces<AssignedModels>().ProducesProblem(StatusCodes.Status403Forbidden);

        classification.MapDelete("/models/tenant/{version}", async (string version, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteTenantModel(version), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteTenantModel")
            .WithSummary("Deletes one of the tenant's trained models; when it served the tenant, the shipped models serve again. Needs models:manage.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        classification.MapPost("/feedback", (FeedbackBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new SubmitFeedback(body.JobId, body.Category), cancellationToken))
            .WithName("submitFeedback")
            .WithSummary("Corrects (or confirms) a failed job's category: {\"jobId\", \"category\"}. It becomes the job's category, "
                         + "re-classification keeps it, and it joins the next training set.")
            .Produces<Feedback>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        classification.MapGet("/feedback", (int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListFeedback(limit ?? 100), cancellationToken))
            .WithName("listFeedback")
            .WithSummary("The tenant's corrections, newest first (limit 1–1,000, default 100).")
            .Produces<IReadOnlyList<Feedback>>().ProducesValidationProblem();

        classification.MapGet("/feedback/training-set", async (int? limit, IMediator mediator, HttpContext context, IOptions<JsonOptions> json) =>
            {
                var examples = await mediator.Send(new ExportTrainingSet(limit ?? 10_000), context.RequestAborted);
                context.Response.ContentType = "application/x-ndjson";
                await foreach (var example in examples)
                {
                    await JsonSerializer.SerializeAsync(context.Response.Body, example, json.Value.SerializerOptions, context.RequestAborted);
                    await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
                }
            })
            .WithName("exportTrainingSet")
            .WithSummary("The tenant's corrected jobs with their logs as NDJSON training examples for make train (save under ml/data/feedback/). "
                         + "Needs models:manage.")
            .Produces<TrainingExample>(StatusCodes.Status200OK, "application/x-ndjson");

        classification.MapGet("/jobs/{jobId:long}/classification", (long jobId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetJobClassification(jobId), cancellationToken))
            .WithName("getJobClassification")
            .WithSummary("Why a failed job failed, as stored by the background classifier (or corrected by a person), with every model's answer.")
            .Produces<JobClassification>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Reads a JSON body past the server-wide size limit, for callers who may predict.</summary>
    private static async Task<T> ReadLargeJsonAsync<T>(HttpContext context, JsonSerializerOptions options)
    {
        context.RaiseBodyLimitFor(Permission.DataPredict, MaxPredictBytes);
        if (context.Request.ContentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
            throw new BadHttpRequestException("Send application/json.", StatusCodes.Status415UnsupportedMediaType);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted)
                   ?? throw new BadHttpRequestException("The body is empty (null).");
        }
        catch (JsonException exception)
        {
            throw new BadHttpRequestException($"The body is not valid JSON (UTF-8): {exception.Message}");
        }
    }
}
