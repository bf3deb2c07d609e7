import type { Bucket, DashboardFilters, Dimension, MetricFilters, MetricResult, RunFilters } from '../../../api/schemas';

/** What was clicked: a point of a series (its group and bucket), or a row of a table metric. */
export type DrillTarget =
  | { kind: 'point'; group: string | null; at: string | null }
  | { kind: 'row'; fields: Record<string, string | null> };

// Metrics counted over jobs open the jobs view; the others are about pipeline runs.
const JOB_METRICS = new Set([
  'jobs', 'failures', 'failure_rate', 'success_rate', 'duration_p50', 'duration_p95', 'queue_time', 'failure_cost',
  'failure_categories', 'top_failing_jobs', 'flaky_jobs',
]);
const FAILURE_METRICS = new Set(['failures', 'failure_rate', 'failure_cost', 'failure_categories', 'top_failing_jobs', 'mttr', 'incidents']);
// Metrics that count failed jobs one by one, by their category (the server applies a category filter to these only).
const CATEGORY_METRICS = new Set(['failures', 'failure_cost', 'failure_categories']);
const EXPLORER_FILTERS = ['repository', 'pipeline', 'branch', 'job', 'provider'] as const;

const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/** The clicked bucket's span, within the queried range; the whole range without a bucket. */
export function bucketSpan(at: string | null, result: Pick<MetricResult, 'from' | 'to' | 'bucket'>): { from: string; to: string } {
  if (!at || !result.bucket) return { from: result.from, to: result.to };
  const start = Math.max(Date.parse(at), Date.parse(result.from));
  const end = Math.min(Date.parse(at) + BUCKET_MS[result.bucket], Date.parse(result.to));
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

export interface DrillInput {
  result: MetricResult;
  widgetFilters: MetricFilters | null | undefined;
  dashboardFilters: DashboardFilters;
  /** The filters the metric accepts (from the catalog); the server applies no others of the dashboard's. */
  accepts?: readonly Dimension[] | undefined;
  target: DrillTarget;
}

/**
 * The runs explorer address showing what a clicked point or row counted: its filters, and its span by
 * finish time, since every metric counts jobs and runs when they finish.
 */
export function drillDownUrl({ result, widgetFilters, dashboardFilters, accepts, target }: DrillInput): string {
  const filters: RunFilters = {};
  for (const name of EXPLORER_FILTERS) {
    // As the server computed it: a dashboard filter the metric accepts wins over the widget's own.
    const fromDashboard = !accepts || accepts.includes(name) ? dashboardFilters[name] : undefined;
    const value = fromDashboard || widgetFilters?.[name];
    if (value) filters[name] = value;
  }

  const byCategory = CATEGORY_METRICS.has(result.metric);
  if (byCategory && widgetFilters?.category) filters.category = widgetFilters.category;

  let span = { from: result.from, to: result.to };
  if (target.kind === 'point') {
    const dimension = result.groupBy ?? (result.metric === 'failure_categories' ? 'category' : null);
    if (target.group !== null && dimension && (dimension !== 'category' || byCategory)) filters[dimension] = target.group;
    span = bucketSpan(target.at, result);
  } else {
    for (const name of EXPLORER_FILTERS) {
      const value = target.fields[name];
      if (value) filters[name] = value;
    }
    // An incident is its own span; resolved_at is null while it lasts.
    if (result.metric === 'incidents' && target.fields.started_at) {
      span = { from: target.fields.started_at, to: target.fields.resolved_at ?? result.to };
    }
  }
  filters.finishedFrom = span.from;
  filters.finishedTo = span.to;
  // A category means failed jobs already, timed out ones included, as the category metric counts them.
  if (FAILURE_METRICS.has(result.metric) && !filters.category) filters.status = 'failure';

  const params = new URLSearchParams();
  // The runs list ignores job and category filters, so either means the jobs view.
  if (JOB_METRICS.has(result.metric) || filters.job || filters.category) params.set('view', 'jobs');
  for (const [name, value] of Object.entries(filters) as [string, string | undefined][]) if (value) params.set(name, value);
  return `/runs?${params.toString()}`;
}
