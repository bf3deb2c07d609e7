using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Reports;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Reports;

/// <summary>
/// Runs a claimed report: renders the dashboard natively, summarises it, and stores the outcome with the e-mail it
/// queues in one transaction. A report whose every widget failed, or that has no widgets, is not sent: the run is
/// recorded as failed with the reasons. Widgets that failed in a report that is sent are listed in the run's errors
/// and in the summary. A digest (<see cref="ReportSchedule.IncludeChanges"/>) adds what changed against the previous
/// period to the PDF and the summary.
/// </summary>
public sealed class ReportRunner(
    IDashboardReportRenderer renderer, ReportHeadlines headlines, ReportChanges changes, IReportStore store, IReportLinks links, IPublicLinks publicLinks,
    ReportMessageDelivery messages, ReportOptions options, ICurrentPrincipal principal, TimeProvider clock, ILogger<ReportRunner> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReportRunDto> RunAsync(ReportRunClaim claim, CancellationToken cancellationToken)
    {
        var outcome = await OutcomeAsync(claim, cancellationToken);
        // Not stored when another instance took the run over meanwhile: that one sends it.
        if (await store.FinishRunAsync(claim, outcome, cancellationToken) && outcome.SlackMessage is not null)
            await messages.DeliverDueAsync(cancellationToken);
        return (await store.FindRunAsync(claim.RunId, cancellationToken))!;
    }

    /// <summary>Renders what the schedule shows now without sending or storing anything.</summary>
    public async Task<RenderedReport> PreviewAsync(ReportSchedule schedule, ReportFormat format, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var range = schedule.Range.Resolve(now, schedule.Zone);
        var changes = format == ReportFormat.Pdf ? await ChangesAsync(schedule, now, range, [], cancellationToken) : null;
        return await RenderAsync(schedule, range, format, changes, cancellationToken);
    }

    private async Task<ReportRunOutcome> OutcomeAsync(ReportRunClaim claim, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var schedule = claim.Schedule;
        var range = schedule.Range.Resolve(claim.AsOf, schedule.Zone);
        var errors = new List<string>();
        RenderedReport? pdf = null, csv = null;
        var changes = await ChangesAsync(schedule, claim.AsOf, range, errors, cancellationToken);
        try
        {
            pdf = await RenderAsync(schedule, range, ReportFormat.Pdf, changes, cancellationToken);
            var failed = pdf.Widgets.Where(w => w.Status == WidgetOutcomeStatus.Failed).Select(w => $"{w.Title}: {w.Reason}").ToList();
            if (pdf.Widgets.Count == 0 || failed.Count == pdf.Widgets.Count)
            {
                errors.Add(pdf.Widgets.Count == 0 ? "The dashboard has no widgets: there was nothing to send." : "Every widget failed, so nothing was sent.");
                pdf = null;
            }
            else if (schedule.Format == ReportDeliveryFormat.PdfAndCsv)
            {
                csv = await RenderAsync(schedule, range, ReportFormat.CsvZip, null, cancellationToken);
            }

            errors.AddRange(failed);
        }
        catch (NotFoundException)
        {
            errors.Add("The dashboard no longer exists.");
            pdf = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Report {Schedule} could not be rendered", schedule.Id);
            errors.Add($"The report could not be rendered: {exception.Message}");
            pdf = null;
        }

        var finished = clock.GetUtcNow();
        var expires = finished + options.Retention;
        var duration = (int)Math.Min(int.MaxValue, (finished - started).TotalMilliseconds);
        if (pdf is null)
            return new ReportRunOutcome(false, finished, duration, 0, 0, range.From, range.To, [], errors, null, null, expires, null, null, null);

        var texts = new ReportTexts(schedule, range.From, range.To, await HeadlinesAsync(schedule, claim.AsOf, range, errors, cancellationToken),
            errors, publicLinks.To($"/dashboards/{schedule.DashboardId}"),
            publicLinks.To($"/api/v1/shared-reports/{links.Token(principal.RequireTenant(), claim.RunId, expires)}"), changes);
        var files = new[] { pdf, csv }.OfType<RenderedReport>().Select(r => new ReportFile(r.FileName, r.ContentType, r.Content)).ToList();
        var slack = schedule.SlackChannelId is null ? null : JsonSerializer.Serialize(texts.Slack(), Json);
        return new ReportRunOutcome(true, finished, duration, files.Sum(f => (long)f.Content.Length), pdf.Pages, range.From, range.To, schedule.Recipients,
            errors, files[0], csv is null ? null : files[1], expires,
            texts.Email([.. files.Select(f => new EmailAttachment(f.FileName, f.ContentType, f.Content))]), schedule.SlackChannelId, slack);
    }

    /// <summary>The summary's numbers; without them (a query that timed out) the report still goes, saying so.</summary>
    private async Task<IReadOnlyList<ReportHeadline>> HeadlinesAsync(ReportSchedule schedule, DateTimeOffset asOf,
        (DateTimeOffset From, DateTimeOffset To) range, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            return await headlines.ForAsync(schedule.Filters, range, schedule.Range.Resolve(asOf, schedule.Zone, periodsBack: 1), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Headline numbers of report {Schedule} could not be computed", schedule.Id);
            errors.Add("Headline numbers: they could not be computed.");
            return [];
        }
    }

    /// <summary>A digest's "what changed" (null for other reports); without it (a query that failed) the report still goes, saying so.</summary>
    private async Task<ReportChangeSummary?> ChangesAsync(ReportSchedule schedule, DateTimeOffset asOf, (DateTimeOffset From, DateTimeOffset To) range,
        List<string> errors, CancellationToken cancellationToken)
    {
        if (!schedule.IncludeChanges) return null;
        try
        {
            return await changes.ForAsync(schedule.Filters, range, schedule.Range.Resolve(asOf, schedule.Zone, periodsBack: 1), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "What changed in report {Schedule} could not be computed", schedule.Id);
            errors.Add("What changed: it could not be computed.");
            return null;
        }
    }

    private Task<RenderedReport> RenderAsync(ReportSchedule schedule, (DateTimeOffset From, DateTimeOffset To) range, ReportFormat format,
        ReportChangeSummary? changes, CancellationToken cancellationToken) =>
        renderer.RenderAsync(new DashboardReportRequest(schedule.DashboardId, range.From, range.To, schedule.Filters, schedule.TimeZone, schedule.Paper,
            schedule.Orientation, format, changes), cancellationToken);
}
