using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request, and the control-character rule over all of its text; any
/// failure stops it before the handler.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = ControlCharacters.Find(request)
            .Select(found => new FluentValidation.Results.ValidationFailure(found.Path, found.Message))
            .ToList();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            // Field names as clients write them in JSON ("query.filters.branch").
            var errors = failures
                .GroupBy(f => string.Join('.', f.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new RequestValidationException(errors);
        }

        return await next();
    }
}
