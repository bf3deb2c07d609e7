using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Exceptions;

public sealed class ForbiddenAccessException(Permission missing)
    : Exception($"This request needs the '{missing.Code}' permission.")
{
    public Permission Missing { get; } = missing;
}
