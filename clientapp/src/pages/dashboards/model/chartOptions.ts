import type { ChartOption, LegendComponentOption, TooltipComponentOption } from '../../../components/charts/echarts';
import type { ChartPalette } from '../../../components/charts/palette';
import type { Bucket, ChartType, MetricResult, MetricSeries } from '../../../api/schemas';
import { categoryGroupLabel } from '../../../components/classification/categories';
import { formatGroup, formatInstant } from '../../../format';
import type { DrillTarget } from './drillDown';
import { durationStep, formatValue, humanize, summarize } from './units';

export type PlotType = Exclude<ChartType, 'stat' | 'table'>;

/** An ECharts option and, for a click on (series, data) index, what was clicked. */
export interface ChartSpec {
  option: ChartOption;
  targetOf: (seriesIndex: number, dataIndex: number) => DrillTarget;
}

const BUCKET_LABELS: Record<Bucket, Intl.DateTimeFormatOptions> = {
  hour: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  day: { month: 'short', day: 'numeric' },
  week: { month: 'short', day: 'numeric' },
};

export function bucketLabel(at: string | null, bucket: Bucket | null, locale?: string): string {
  if (!at || !bucket) return '';
  return formatInstant(at, BUCKET_LABELS[bucket], locale);
}

/** Groups that are failure categories: by category, or failure_categories, which always come by category. */
function byCategory(result: MetricResult): boolean {
  return result.groupBy === 'category' || result.metric === 'failure_categories';
}

// A group is named even where the result names no group-by (failure categories always come by category).
function seriesName(series: MetricSeries, result: MetricResult): string {
  if (series.group !== null && byCategory(result)) return categoryGroupLabel(series.group);
  return series.group === null ? (result.groupBy ? '(none)' : humanize(result.metric)) : formatGroup(series.group);
}

/** Per group, in order: the category's own colour when groups are categories, else the palette's series colours in turn. */
function groupColours(result: MetricResult, palette: ChartPalette): string[] {
  if (!byCategory(result)) return palette.series;
  return result.series.map((series, i) => palette.categories[series.group ?? ''] ?? palette.series[i % palette.series.length] ?? palette.accent);
}

/** Nothing to draw: no series, or no known value in any bucket (rates and durations of empty buckets are null). */
export function hasData(result: MetricResult): boolean {
  if (result.shape === 'table') return result.table.length > 0;
  return result.series.some((series) => series.points.some((point) => point.value !== null));
}

/** Per bucket, the groups combined: a stat's sparkline. */
export function combinedPoints(result: MetricResult): (number | null)[] {
  const length = Math.max(0, ...result.series.map((series) => series.points.length));
  return Array.from({ length }, (_, index) => summarize(result.series.map((series) => series.points[index]?.value ?? null), result.unit));
}

/** Per bucket, the groups' values added up: the height of a stacked bar. */
function combinedTotals(result: MetricResult): number[] {
  const length = Math.max(0, ...result.series.map((series) => series.points.length));
  return Array.from({ length }, (_, index) => result.series.reduce((sum, series) => sum + (series.points[index]?.value ?? 0), 0));
}

/** A stat's big number: the total of counts and costs, the mean of rates and durations. */
export function statValue(result: MetricResult): number | null {
  return summarize(result.series.flatMap((series) => series.points.map((point) => point.value)), result.unit);
}

function base(palette: ChartPalette, colours: string[] = palette.series): ChartOption {
  return {
    color: colours,
    textStyle: { color: palette.text, fontFamily: palette.fontFamily },
    animationDuration: 300,
  };
}

// Axis labels inside the chart's box, however long they are.
const GRID = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

function tooltip(palette: ChartPalette, options: TooltipComponentOption): TooltipComponentOption {
  return { backgroundColor: palette.surface, borderColor: palette.border, textStyle: { color: palette.text }, confine: true, ...options };
}

function legend(palette: ChartPalette, show: boolean): LegendComponentOption {
  return show
    ? { type: 'scroll', bottom: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10, textStyle: { color: palette.muted }, pageTextStyle: { color: palette.muted } }
    : { show: false };
}

export function chartSpec(result: MetricResult, type: PlotType, palette: ChartPalette, locale?: string): ChartSpec {
  const format = (value: unknown) => formatValue(typeof value === 'number' ? value : null, result.unit, locale ? { locale } : {});
  const axisValue = (value: number) => formatValue(value, result.unit, { compact: true, ...(locale ? { locale } : {}) });
  const axisLine = { lineStyle: { color: palette.border } };
  const splitLine = { lineStyle: { color: palette.border, type: 'dashed' as const } };
  const group = (index: number) => result.series[index]?.group ?? null;
  const values = result.series.flatMap((series) => series.points.map((point) => point.value ?? 0));
  // Stacked bars reach the sum of a bucket's values; the others, the largest value.
  const max = type === 'stacked_bar' ? Math.max(0, ...combinedTotals(result)) : Math.max(0, ...values);
  const step = result.unit === 'ms' ? durationStep(max) : undefined;
  const valueAxis = {
    type: 'value' as const, splitLine, axisLabel: { color: palette.muted, formatter: axisValue, hideOverlap: true },
    ...(step ? { interval: step, max: Math.ceil(max / step) * step } : {}),
  };

  const colours = groupColours(result, palette);
  if (type === 'pie') {
    return {
      option: {
        ...base(palette, colours),
        tooltip: tooltip(palette, { trigger: 'item', valueFormatter: format }),
        legend: legend(palette, true),
        series: [{
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { show: false },
          itemStyle: { borderColor: palette.surface, borderWidth: 2 },
          data: result.series.map((series) => ({
            name: seriesName(series, result),
            value: summarize(series.points.map((point) => point.value), result.unit) ?? 0,
          })),
        }],
      },
      targetOf: (_, dataIndex) => ({ kind: 'point', group: group(dataIndex), at: null }),
    };
  }

  if (!result.bucket) {
    // One value per group: horizontal bars, so long repository names stay readable.
    return {
      option: {
        ...base(palette),
        tooltip: tooltip(palette, { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format }),
        grid: { ...GRID, left: 8, right: 16, top: 8, bottom: 8 },
        xAxis: valueAxis,
        yAxis: {
          type: 'category', inverse: true, data: result.series.map((series) => seriesName(series, result)),
          axisLine, axisTick: { show: false }, axisLabel: { color: palette.muted, width: 140, overflow: 'truncate' },
        },
        series: [{
          type: 'bar', name: humanize(result.metric), barMaxWidth: 24,
          data: result.series.map((series, i) => {
            const value = series.points[0]?.value ?? null;
            return byCategory(result) ? { value, itemStyle: { color: colours[i] ?? palette.accent } } : value;
          }),
        }],
      },
      targetOf: (_, dataIndex) => ({ kind: 'point', group: group(dataIndex), at: null }),
    };
  }

  const buckets = result.series[0]?.points.map((point) => point.at) ?? [];
  const isBar = type === 'bar' || type === 'stacked_bar';
  const several = result.series.length > 1;
  return {
    option: {
      ...base(palette, colours),
      tooltip: tooltip(palette, { trigger: 'axis', valueFormatter: format }),
      legend: legend(palette, several),
      grid: { ...GRID, left: 8, right: 16, top: 12, bottom: several ? 32 : 8 },
      xAxis: {
        type: 'category', boundaryGap: isBar, data: buckets.map((at) => bucketLabel(at, result.bucket, locale)),
        axisLine, axisTick: { show: false }, axisLabel: { color: palette.muted, hideOverlap: true },
      },
      yAxis: valueAxis,
      series: result.series.map((series) => {
        const data = series.points.map((point) => point.value);
        const name = seriesName(series, result);
        if (isBar) return { type: 'bar' as const, name, data, barMaxWidth: 28, ...(type === 'stacked_bar' ? { stack: 'total' } : {}) };
        return {
          type: 'line' as const, name, data, connectNulls: false,
          showSymbol: data.length <= 31, symbolSize: 5, emphasis: { focus: 'series' as const },
          ...(type === 'area' ? { areaStyle: { opacity: 0.15 } } : {}),
        };
      }),
    },
    targetOf: (seriesIndex, dataIndex) => ({ kind: 'point', group: group(seriesIndex), at: buckets[dataIndex] ?? null }),
  };
}

export function sparklineOption(values: (number | null)[], palette: ChartPalette): ChartOption {
  return {
    animation: false,
    grid: { left: 0, right: 0, top: 2, bottom: 2 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, index) => index) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{
      type: 'line', data: values, silent: true, showSymbol: false,
      lineStyle: { width: 1.5, color: palette.accent }, areaStyle: { color: palette.accent, opacity: 0.12 },
    }],
  };
}
