using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Faultline.WebApi.Hosting;

/// <summary>
/// The public API contract at /openapi/v1.json, for client generators and the Swagger UI at /api/docs. Conventions apply
/// to every endpoint so that one only states what is its own (.WithName(useCase), .WithSummary, .Produces of its success,
/// the problems only it answers); tests/WebApi.Tests/OpenApiContractTests.cs fails on an endpoint that lacks them:
/// <list type="bullet">
/// <item>security: an API key or the session, unless the endpoint allows anonymous callers or says <see cref="SecuredBy{TBuilder}"/>;</item>
/// <item>problem details: 401 and 403 when secured, 400 with a body, a query or a change of state (antiforgery),
/// 413 (and 415 for JSON) with a body, 404 with a path parameter;</item>
/// <item>schemas: numbers are numbers, the codes of a string listed (<see cref="IAllowedCodes"/>, <see cref="AllowedValuesAttribute"/>),
/// and a request's nullable properties optional (the server reads a missing one as null).</item>
/// </list>
/// </summary>
public static class ApiContract
{
    public const string ApiKey = "apiKey";
    public const string Session = "session";
    public const string OperatorToken = "operatorToken";

    private const string ProblemJson = "application/problem+json";

    /// <summary>In the order a user meets them; an operation's tag must be one of these.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> Tags =
    [
        ("Ingestion", "Send runs and jobs from any CI: a batch of events with an API key that has the ingest scope."),
        ("Webhooks", "Let GitHub Actions, GitLab CI or Jenkins deliver runs and jobs themselves: one signed webhook per provider."),
        ("Runs", "Pipeline runs and their jobs as stored, with the logs of jobs."),
        ("Analytics", "Metrics over time (failure rate, durations, queue time, cost…) computed from the stored runs and jobs."),
        ("Dashboards", "Saved sets of metric widgets, with filters that apply to each."),
        ("Classification", "Why a job failed: predictions from a log or a job, stored classifications, corrections and the models."),
        ("Alerts", "Threshold rules on metrics, the channels they notify and their history."),
        ("Reports", "Dashboards sent as PDFs by e-mail and Slack on a schedule: schedules, runs, their files and signed links."),
        ("Accounts", "Sign-up, sign-in, sessions and the caller's identity."),
        ("Members", "The people of a tenant and their invitations."),
        ("API keys", "Keys for programs: sent as \"Authorization: Bearer flt_…\", limited to their scopes."),
        ("Audit", "Who changed what in the tenant."),
        ("Settings", "The organisation's name, time zone and runner price."),
        ("Health", "Liveness and readiness of this instance, for load balancers and orchestrators."),
        ("Operator", "The platform operator's tenant provisioning, with the operator token."),
    ];

    /// <summary>The schemes an endpoint documents, when not an API key or the session; none: it authenticates otherwise (say how in its description).</summary>
    public sealed record SecuredByMetadata(IReadOnlyList<string> Schemes);

    /// <summary>An example of the endpoint's JSON request body.</summary>
    public sealed record RequestExample(string Json);

    public static TBuilder SecuredBy<TBuilder>(this TBuilder builder, params string[] schemes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecuredByMetadata(schemes));

    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string json) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExample(json));

    public static IServiceCollection AddApiContract(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddSchemaTransformer(TransformSchema);
        options.AddOperationTransformer(TransformOperation);
        options.AddDocumentTransformer(TransformDocument);
    });

    private static Task TransformSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // The web defaults read "12" as 12; the contract promises numbers, and numbers are what the server writes.
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        var codes = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: true) switch
        {
            { } attributes when attributes.OfType<IAllowedCodes>().FirstOrDefault() is { } allowed => allowed.Codes,
            { } attributes when attributes.OfType<AllowedValuesAttribute>().FirstOrDefault() is { } allowed => allowed.Values.Select(v => $"{v}").ToList(),
            _ => null,
        };
        if (codes is not null)
        {
            var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
            target.Enum = [.. codes.Select(code => (JsonNode)JsonValue.Create(code))];
            if (target.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);
        }

        // Every problem carries the request's trace id, for support.
        if (context.JsonTypeInfo.Type.IsAssignableTo(typeof(ProblemDetails)))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, for support." };
        }

        return Task.CompletedTask;
    }

    private static Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var schemes = metadata.OfType<IAllowAnonymous>().Any() ? []
            : metadata.OfType<SecuredByMetadata>().LastOrDefault()?.Schemes ?? [ApiKey, Session];
        operation.Security =
            [.. schemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];

        var body = operation.RequestBody?.Content;
        var jsonBody = body is not null && body.Keys.All(mediaType => mediaType.EndsWith("json", StringComparison.Ordinal));
        var parameters = operation.Parameters ?? [];
        // [AsParameters] records name query parameters in PascalCase; binding ignores case, and JSON's names are camelCase.
        foreach (var parameter in parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is not null))
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
        operation.Responses ??= [];
        if (schemes.Count > 0) AddProblems(operation, context.Document, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        // A state-changing request made with the session and without the antiforgery token is a 400 too.
        var changesState = context.Description.HttpMethod is not ("GET" or "HEAD");
        if (body is not null || changesState || parameters.Any(p => p.In == ParameterLocation.Query))
            AddProblems(operation, context.Document, StatusCodes.Status400BadRequest);
        if (body is not null) AddProblems(operation, context.Document, StatusCodes.Status413PayloadTooLarge);
        if (jsonBody) AddProblems(operation, context.Document, StatusCodes.Status415UnsupportedMediaType);
        if (parameters.Any(p => p.In == ParameterLocation.Path)) AddProblems(operation, context.Document, StatusCodes.Status404NotFound);

        if (metadata.OfType<RequestExample>().LastOrDefault() is { } example
            && body is not null && body.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
            json.Example = JsonNode.Parse(example.Json);
        return Task.CompletedTask;
    }

    private static void AddProblems(OpenApiOperation operation, OpenApiDocument? document, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            operation.Responses!.TryAdd($"{status}", new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
                },
            });
        }
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Faultline API",
            Version = "v1",
            Description = """
                CI/CD failure intelligence: ingest runs and jobs, query them and their metrics, learn why jobs failed, alert on thresholds.

                Programs authenticate with an API key (Settings → API keys) sent as `Authorization: Bearer flt_…`; the SPA uses its
                session cookie, and state-changing requests made with the session also send the token of `GET /api/v1/auth/antiforgery`
                in the `X-CSRF-TOKEN` header (API-key requests need no such token). Errors are RFC 9457 problem details
                (`application/problem+json`) with the request's `traceId`.
                """,
        };
        // Relative: the document describes the instance that serves it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This Faultline instance" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "flt_…",
                Description = "An API key from Settings → API keys; its scopes (ingest, read, predict, admin) decide what it may do.",
            },
            [Session] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Security.SessionCookie.CookieName,
                Description = "The session of a signed-in user (POST /api/v1/auth/login). State-changing requests also send the "
                              + $"antiforgery token in the {Security.Antiforgery.HeaderName} header.",
            },
            [OperatorToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The platform operator's token (the Faultline:OperatorToken setting).",
            },
        };
        MakeNullableRequestPropertiesOptional(document);
        return Task.CompletedTask;
    }

    /// <summary>The generator marks every constructor parameter required; in a request the server reads a missing nullable one as null.</summary>
    private static void MakeNullableRequestPropertiesOptional(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requestSchemas = new HashSet<string>();
        var pending = new Stack<IOpenApiSchema>(document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(media => media.Schema)
            .OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (requestSchemas.Add(id) && schemas.TryGetValue(id, out var target)) pending.Push(target);
                continue;
            }

            foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
                         .Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
                pending.Push(child);
        }

        foreach (var id in requestSchemas)
        {
            if (!schemas.TryGetValue(id, out var schema) || schema is not OpenApiSchema { Required: { } required, Properties: { } properties }) continue;
            foreach (var name in required.Where(name => properties.TryGetValue(name, out var property) && IsNullable(property)).ToList())
                required.Remove(name);
        }
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
