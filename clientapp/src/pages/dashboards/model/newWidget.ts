import type { Bucket, ChartType, Dimension, MetricDefinition, Widget } from '../../../api/schemas';

const SERIES_CHARTS: ChartType[] = ['line', 'area', 'bar', 'stacked_bar', 'pie', 'stat'];

/** A value per group at the end of the range, without a time axis. */
const STATE_CHARTS: ChartType[] = ['stat', 'bar', 'pie'];

/** The server shows table metrics as a table, and only them; a metric without buckets has no time axis to draw. */
export const chartsFor = (metric: MetricDefinition): ChartType[] =>
  metric.shape === 'table' ? ['table'] : metric.bucketed ? SERIES_CHARTS : STATE_CHARTS;

export const CHART_LABELS: Record<ChartType, string> = {
  line: 'Line', area: 'Area', bar: 'Bar', stacked_bar: 'Stacked bar', pie: 'Pie', stat: 'Single number', table: 'Table',
};

export interface WidgetChoice {
  metric: MetricDefinition;
  chart: ChartType;
  bucket: Bucket | null;
  groupBy: Dimension | null;
  title: string;
}

/** A random RFC 4122 version 4 id; crypto.randomUUID exists only on HTTPS pages. */
export function newWidgetId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The widget as the server stores it; its place is decided when it joins the grid. */
export function newWidget({ metric, chart, bucket, groupBy, title }: WidgetChoice, id = newWidgetId()): Widget {
  const isTable = metric.shape === 'table';
  return {
    id,
    title: title.trim() || metric.title,
    chart,
    query: {
      metric: metric.code,
      bucket: isTable || chart === 'pie' || !metric.bucketed ? null : bucket,
      groupBy: !isTable && groupBy && metric.groupBys.includes(groupBy) ? groupBy : null,
      filters: {},
    },
    layout: chart === 'stat' ? { x: 0, y: 0, w: 3, h: 2 } : { x: 0, y: 0, w: 6, h: 4 },
  };
}
