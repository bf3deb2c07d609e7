namespace Faultline.Infrastructure.Persistence;

/// <summary>
/// How much of the database one tenant may hold (configuration section Faultline:Database), so one
/// tenant's burst (a dashboard runs all its widgets at once) cannot take the pool from the others.
/// </summary>
public sealed record TenantDatabaseLimits
{
    /// <summary>
    /// Tenant connections one tenant may hold at once, per instance. At least 2: alert evaluation holds a
    /// rule's lease on one connection while it reads the rule's metric on another.
    /// </summary>
    public int MaxConnectionsPerTenant { get; init; } = 8;

    /// <summary>How long a tenant's request waits for one of its connections before it is refused (503).</summary>
    public TimeSpan ConnectionWait { get; init; } = TimeSpan.FromSeconds(5);

    public StatementTimeouts StatementTimeouts { get; init; } = new();

    /// <summary>Refuses, at start-up, limits that would refuse every query or bound none.</summary>
    public TenantDatabaseLimits Validated()
    {
        if (MaxConnectionsPerTenant < 2) throw new InvalidOperationException("Faultline:Database:MaxConnectionsPerTenant must be at least 2.");
        if (ConnectionWait < TimeSpan.Zero) throw new InvalidOperationException("Faultline:Database:ConnectionWait must not be negative.");
        foreach (var queryClass in Enum.GetValues<QueryClass>())
            if (StatementTimeouts.For(queryClass) < TimeSpan.FromMilliseconds(1))
                throw new InvalidOperationException($"Faultline:Database:StatementTimeouts:{queryClass} must be at least 1 ms.");
        return this;
    }
}

/// <summary>
/// The longest one statement of each <see cref="QueryClass"/> may run before PostgreSQL stops it
/// (statement_timeout); the request then answers 504.
/// </summary>
public sealed record StatementTimeouts
{
    public TimeSpan Interactive { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Analytics { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan Ingest { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Classification { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Background { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Longest => Enum.GetValues<QueryClass>().Max(For);

    public TimeSpan For(QueryClass queryClass) => queryClass switch
    {
        QueryClass.Interactive => Interactive,
        QueryClass.Analytics => Analytics,
        QueryClass.Ingest => Ingest,
        QueryClass.Classification => Classification,
        QueryClass.Background => Background,
        _ => throw new ArgumentOutOfRangeException(nameof(queryClass), queryClass, null),
    };
}
