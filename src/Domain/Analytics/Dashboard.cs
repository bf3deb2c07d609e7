namespace Faultline.Domain.Analytics;

public enum ChartType
{
    Line,
    Area,
    Bar,
    StackedBar,
    Pie,
    Stat,
    Table,
}

/// <summary>Where a widget sits on the dashboard's 12-column grid, in columns and rows.</summary>
public sealed record WidgetLayout(int X, int Y, int W, int H)
{
    public const int Columns = 12;
    public const int MaxHeight = 12;

    public bool FitsTheGrid => X >= 0 && W >= 1 && X + W <= Columns && Y >= 0 && Y <= 1000 && H >= 1 && H <= MaxHeight;
}

public sealed record Widget(
    string Id, string Title, [property: EnumCodes<ChartType>] string Chart, MetricSpec Query, WidgetLayout Layout)
{
    public const int MaxIdLength = 40;
    public const int MaxTitleLength = 120;
}

/// <summary>A named, arranged set of widgets of one tenant. Exactly one per tenant is the default.</summary>
public sealed class Dashboard(Guid id, string name, string? description, bool isDefault, IReadOnlyList<Widget> widgets, DateTimeOffset createdAt)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 500;
    public const int MaxWidgets = 30;

    public Guid Id { get; } = id;
    public string Name { get; private set; } = name;
    public string? Description { get; private set; } = description;
    public bool IsDefault { get; } = isDefault;
    public IReadOnlyList<Widget> Widgets { get; private set; } = widgets;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    public static Dashboard Restore(Guid id, string name, string? description, bool isDefault, IReadOnlyList<Widget> widgets,
        DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, name, description, isDefault, widgets, createdAt) { UpdatedAt = updatedAt };

    public void Change(string name, string? description, IReadOnlyList<Widget> widgets, DateTimeOffset at)
    {
        Name = name;
        Description = description;
        Widgets = widgets;
        UpdatedAt = at;
    }
}
