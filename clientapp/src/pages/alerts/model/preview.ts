import type { AlertPreview, Dimension, MetricResult } from '../../../api/schemas';

/** More lines than this are unreadable; the preview draws the first groups (the server's heaviest first). */
export const MAX_PREVIEW_LINES = 10;

export interface Limit {
  label: string;
  value: number;
}

/** The lines to draw across the chart: the threshold, and the upper one of `outside`. A percent change has none on the metric's scale. */
export function previewLimits(preview: AlertPreview, kind: string): Limit[] {
  if (kind === 'percent_change' || preview.threshold === null) return [];
  const limits: Limit[] = [{ label: kind === 'outside' ? 'Lower' : 'Threshold', value: preview.threshold }];
  if (kind === 'outside' && preview.upper !== null) limits.push({ label: 'Upper', value: preview.upper });
  return limits;
}

/** The preview's history as a dashboard result, so it is drawn exactly like a dashboard's line chart. */
export function previewResult(preview: AlertPreview, metric: string, groupBy: Dimension | null): MetricResult {
  const series = (preview.history?.series ?? []).slice(0, MAX_PREVIEW_LINES);
  const points = series[0]?.points ?? [];
  return {
    metric, unit: preview.unit, shape: 'series', bucket: preview.history?.bucket ?? null, groupBy, series, table: [],
    from: points[0]?.at ?? '', to: points.at(-1)?.at ?? '',
  };
}
