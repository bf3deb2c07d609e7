import type {
  DashboardSummary, ReportCadence, ReportDraft, ReportFrequency, ReportOrientation, ReportPaper, ReportRange, ReportSchedule, Weekday,
} from '../../api/schemas';

export const RANGE_LABELS: Record<ReportRange, string> = {
  past_day: 'Last 24 hours',
  past_week: 'Last 7 days',
  past_month: 'Last 30 days',
  previous_day: 'Yesterday',
  previous_week: 'Previous calendar week',
  previous_month: 'Previous calendar month',
};

export const PAPER_LABELS: Record<ReportPaper, string> = { a4: 'A4', letter: 'Letter' };

export const ORIENTATION_LABELS: Record<ReportOrientation, string> = { landscape: 'Landscape', portrait: 'Portrait' };

export const FREQUENCY_LABELS: Record<ReportFrequency, string> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' };

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday',
};

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

/** "Weekly on Monday at 08:00", "Monthly on day 31 at 06:30 (or the month's last day)". */
export function describeCadence(cadence: ReportCadence): string {
  if (cadence.frequency === 'weekly' && cadence.weekday) return `Weekly on ${WEEKDAY_LABELS[cadence.weekday]} at ${cadence.time}`;
  if (cadence.frequency === 'monthly' && cadence.dayOfMonth) {
    return `Monthly on day ${cadence.dayOfMonth} at ${cadence.time}${cadence.dayOfMonth > 28 ? " (or the month's last day)" : ''}`;
  }
  return `Daily at ${cadence.time}`;
}

/** The form's fields as text, as people type them. */
export interface ReportFields {
  name: string;
  dashboardId: string;
  range: ReportRange;
  recipients: string;
  slackChannelId: string;
  frequency: ReportFrequency;
  time: string;
  weekday: Weekday;
  dayOfMonth: string;
  timeZone: string;
  withCsv: boolean;
  /** A digest: adds what changed against the previous period (new failing jobs, growing categories, broken default branches). */
  includeChanges: boolean;
  paper: ReportPaper;
  orientation: ReportOrientation;
}

/** The tenant's default dashboard (the first one if none is marked), or none. */
export function defaultDashboard(dashboards: readonly DashboardSummary[]): string {
  return dashboards.find((d) => d.isDefault)?.id ?? dashboards[0]?.id ?? '';
}

export function emptyFields(dashboardId: string, timeZone: string): ReportFields {
  return {
    name: '', dashboardId, range: 'past_week', recipients: '', slackChannelId: '', frequency: 'weekly', time: '08:00', weekday: 'monday',
    dayOfMonth: '1', timeZone, withCsv: false, includeChanges: false, paper: 'a4',
    orientation: 'landscape',
  };
}

/**
 * The ready-made weekly digest: the default dashboard's previous calendar week with what changed against the week before,
 * Mondays at 08:00, to the one who sets it up.
 */
export function weeklyDigest(defaultDashboardId: string, email: string): ReportFields {
  return { ...emptyFields(defaultDashboardId, ''), name: 'Weekly digest', range: 'previous_week', recipients: email, includeChanges: true };
}

export function fieldsOf(report: ReportSchedule): ReportFields {
  return {
    name: report.name, dashboardId: report.dashboardId, range: report.range, recipients: report.recipients.join(', '),
    slackChannelId: report.slackChannelId ?? '', frequency: report.cadence.frequency, time: report.cadence.time,
    weekday: report.cadence.weekday ?? 'monday', dayOfMonth: String(report.cadence.dayOfMonth ?? 1), timeZone: report.timeZone,
    withCsv: report.format === 'pdf_and_csv', includeChanges: report.includeChanges, paper: report.paper, orientation: report.orientation,
  };
}

export function cadenceOf(fields: ReportFields): ReportCadence {
  return {
    frequency: fields.frequency, time: fields.time,
    weekday: fields.frequency === 'weekly' ? fields.weekday : null,
    dayOfMonth: fields.frequency === 'monthly' ? Number(fields.dayOfMonth) : null,
  };
}

/** The request body; the server checks everything (addresses, time, time zone) and names the fields it refuses. */
export function draftOf(fields: ReportFields): ReportDraft {
  return {
    name: fields.name.trim(), dashboardId: fields.dashboardId, range: fields.range, filters: null,
    recipients: fields.recipients.split(/[,;\s]+/).filter((address) => address.length > 0),
    slackChannelId: fields.slackChannelId || null, cadence: cadenceOf(fields), timeZone: fields.timeZone.trim() || null,
    format: fields.withCsv ? 'pdf_and_csv' : 'pdf', includeChanges: fields.includeChanges, paper: fields.paper, orientation: fields.orientation,
  };
}
