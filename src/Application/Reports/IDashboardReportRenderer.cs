namespace Faultline.Application.Reports;

/// <summary>Renders what a dashboard shows for a range and filters as a PDF or as CSV files (zipped), from the same metric data the dashboard API returns.</summary>
public interface IDashboardReportRenderer
{
    /// <summary>
    /// Needs a principal of the dashboard's tenant with data:read (a request's, or a background principal's).
    /// Throws <see cref="Common.Exceptions.NotFoundException"/> for a dashboard the tenant does not have and
    /// <see cref="Common.Exceptions.RequestValidationException"/> for a bad range, filters or time zone.
    /// </summary>
    Task<RenderedReport> RenderAsync(DashboardReportRequest request, CancellationToken cancellationToken);
}
