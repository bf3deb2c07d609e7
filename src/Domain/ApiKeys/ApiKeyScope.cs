using Faultline.Domain.Authorization;

namespace Faultline.Domain.ApiKeys;

/// <summary>What a program may do with a key; each scope grants a fixed set of permissions.</summary>
public enum ApiKeyScope
{
    Ingest,
    Read,
    Predict,
    Admin,
}

public static class ApiKeyScopes
{
    public static IReadOnlySet<Permission> PermissionsOf(IEnumerable<ApiKeyScope> scopes) =>
        scopes.SelectMany(scope => scope switch
        {
            ApiKeyScope.Ingest => [Permission.DataIngest],
            ApiKeyScope.Read => [Permission.DataRead],
            ApiKeyScope.Predict => [Permission.DataPredict],
            // Administration by program, but never billing: that needs a person.
            ApiKeyScope.Admin => PermissionMatrix.For(Role.Admin).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(scopes), scope, null),
        }).ToHashSet();
}
