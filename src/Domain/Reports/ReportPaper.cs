namespace Faultline.Domain.Reports;

/// <summary>The paper a PDF report is laid out on.</summary>
public enum PaperSize
{
    A4,
    Letter,
}

public enum PageOrientation
{
    Portrait,
    Landscape,
}
