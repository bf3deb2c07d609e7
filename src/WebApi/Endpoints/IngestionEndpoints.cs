using System.Text.Json;
using Faultline.Application.Ingestion;
using Faultline.Domain.Authorization;
using Faultline.WebApi.Hosting;
using Faultline.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Faultline.WebApi.Endpoints;

public static class IngestionEndpoints
{
    public const long MaxBatchBytes = 10 * 1024 * 1024;

    public static void MapIngestionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/events", async (HttpContext context, IMediator mediator, IOptions<JsonOptions> json) =>
            {
                context.RaiseBodyLimitFor(Permission.DataIngest, MaxBatchBytes);
                var items = await ReadBatchAsync(context.Request, json.Value.SerializerOptions, context.RequestAborted);
                var result = await mediator.Send(new IngestEvents(items), context.RequestAborted);
                return result.Accepted + result.Duplicates > 0 ? Results.Ok(result) : NothingAccepted(result);
            })
            .WithTags("Ingestion")
            .WithName("ingestEvents")
            .WithSummary("Ingests a batch of run and job events: a JSON array, or NDJSON (application/x-ndjson); up to 5,000 events or 10 MB.")
            .WithDescription("""
                Each event: {"type": "run"|"job", "provider": "github"|"gitlab"|"jenkins"|"api", "externalId", "attempt" (default 1),
                "repository", "pipeline", "branch", "commitSha", "status", "queuedAt", "startedAt", "finishedAt"}, plus for runs
                "defaultBranch", "trigger", "actor", and for jobs "runExternalId", "name", "runner". Statuses: success, failure,
                cancelled, skipped, timed_out, and unfinished: queued, waiting, manual, running (providers' own words are understood
                too). Re-sending an event is harmless:
                it is upserted by (provider, externalId, attempt) and reported as a duplicate when nothing changed. Valid items are
                committed together before the 200; invalid ones are reported per item.
                """)
            .Accepts<EventItem[]>("application/json", "application/x-ndjson")
            .WithRequestExample("""
                [
                  {"type": "run", "provider": "api", "externalId": "build-4711", "repository": "acme/shop", "pipeline": "ci",
                   "branch": "main", "commitSha": "9fceb02d0ae598e95dc970b74767f19372d61af8", "status": "failure",
                   "startedAt": "2026-01-15T09:00:00Z", "finishedAt": "2026-01-15T09:07:30Z"},
                  {"type": "job", "provider": "api", "externalId": "build-4711-test", "runExternalId": "build-4711", "name": "test",
                   "repository": "acme/shop", "pipeline": "ci", "branch": "main", "status": "failure",
                   "startedAt": "2026-01-15T09:01:00Z", "finishedAt": "2026-01-15T09:07:20Z"}
                ]
                """)
            .Produces<IngestResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The answer when every item was rejected: the reasons, item by item.</summary>
    private static IResult NothingAccepted(IngestResult result) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No event could be accepted",
            detail: "Every item was rejected; see items for the reasons.", extensions: new Dictionary<string, object?> { ["items"] = result.Items });

    private static async Task<IReadOnlyList<EventInput>> ReadBatchAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var items = mediaType switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/json-seq" => await ReadLinesAsync(request.Body, options, cancellationToken),
            "application/json" => await ReadArrayAsync(request.Body, options, cancellationToken),
            _ => throw new BadHttpRequestException("Send events as application/json (an array) or application/x-ndjson.",
                StatusCodes.Status415UnsupportedMediaType),
        };
        if (items.Count == 0) throw new BadHttpRequestException("The batch holds no event.");
        return items;
    }

    /// <summary>Reads the array one item at a time, so a batch over the item limit is refused without parsing the rest.</summary>
    private static async Task<List<EventInput>> ReadArrayAsync(Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var items = new List<EventInput>();
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, options, cancellationToken))
                Add(items, Parse(() => element.Deserialize<EventItem>(options)));
        }
        catch (JsonException exception)
        {
            throw new BadHttpRequestException($"The body must be a JSON array of events (or NDJSON): {exception.Message}", exception);
        }

        return items;
    }

    private static async Task<List<EventInput>> ReadLinesAsync(Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var items = new List<EventInput>();
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line)) Add(items, Parse(() => JsonSerializer.Deserialize<EventItem>(line, options)));
        }

        return items;
    }

    private static void Add(List<EventInput> items, EventInput item)
    {
        if (items.Count == IngestEvents.MaxItems)
            throw new BadHttpRequestException($"A batch holds at most {IngestEvents.MaxItems} events; split it.",
                StatusCodes.Status413PayloadTooLarge);
        items.Add(item);
    }

    private static EventInput Parse(Func<EventItem?> deserialize)
    {
        try
        {
            return deserialize() is { } item ? new EventInput(item, null) : new EventInput(null, "the item is null");
        }
        catch (JsonException exception)
        {
            return new EventInput(null, "not a valid event: " + exception.Message);
        }
    }
}
