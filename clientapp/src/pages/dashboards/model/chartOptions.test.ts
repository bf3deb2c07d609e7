import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../../../components/charts/palette';
import { chartSpec, combinedPoints, hasData, sparklineOption, statValue } from './chartOptions';
import { seriesResult } from './fixtures';

const palette: ChartPalette = { text: '#111', muted: '#666', border: '#ddd', surface: '#fff', accent: '#40f', series: ['#a00', '#0a0'], categories: { test: '#f90', lint: '#90f' }, fontFamily: 'sans-serif' };

// The option's parts are unions of object or array; the tests read the single object form.
type Loose = Record<string, unknown> & { data?: unknown[] };
const one = (part: unknown) => part as Loose;
const many = (part: unknown) => part as Loose[];

describe('chartSpec for bucketed series', () => {
  it('puts buckets on the x axis and one series per group, in the theme colours', () => {
    const { option } = chartSpec(seriesResult(), 'line', palette, 'en-US');
    expect(option.color).toEqual(palette.series);
    const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
    expect(one(option.xAxis).data).toEqual(seriesResult().series[0]!.points.map((p) => day.format(new Date(p.at!))));
    const series = many(option.series);
    expect(series.map((s) => [s.type, s.name])).toEqual([['line', 'acme/api'], ['line', 'acme/web']]);
    expect(series[0]!.data).toEqual([0.1, null, 0.3]);
    expect(one(option.legend).show).not.toBe(false);
    expect(one(option.tooltip).trigger).toBe('axis');
  });

  it('formats the tooltip and the axis in the metric unit', () => {
    const { option } = chartSpec(seriesResult(), 'line', palette, 'en-US');
    const valueFormatter = one(option.tooltip).valueFormatter as (value: unknown) => string;
    expect(valueFormatter(0.125)).toBe('12.5%');
    expect(valueFormatter(null)).toBe('—');
    const axisFormatter = (one(option.yAxis).axisLabel as { formatter: (v: number) => string }).formatter;
    expect(axisFormatter(0.25)).toBe('25%');
  });

  it('stacks stacked bars, shades areas, and hides the legend of a single series', () => {
    const stacked = many(chartSpec(seriesResult(), 'stacked_bar', palette).option.series);
    expect(stacked.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(many(chartSpec(seriesResult(), 'bar', palette).option.series)[0]!.stack).toBeUndefined();
    expect(many(chartSpec(seriesResult(), 'area', palette).option.series)[0]!.areaStyle).toBeDefined();

    const single = seriesResult({ groupBy: null, series: [{ group: null, points: [{ at: '2026-11-15T00:00:00Z', value: 0.1 }] }] });
    const option = chartSpec(single, 'line', palette).option;
    expect(one(option.legend).show).toBe(false);
    expect(many(option.series)[0]!.name).toBe('Failure rate');
  });

  it('steps a duration axis in whole units', () => {
    const hours = seriesResult({ metric: 'mttr', unit: 'ms', groupBy: null, series: [{ group: null, points: [{ at: '2026-11-15T00:00:00Z', value: 5.5 * 3_600_000 }] }] });
    expect(one(chartSpec(hours, 'line', palette).option.yAxis)).toMatchObject({ interval: 3_600_000, max: 6 * 3_600_000 });
  });

  it('tells which group and bucket a click hit', () => {
    const { targetOf } = chartSpec(seriesResult(), 'line', palette);
    expect(targetOf(1, 2)).toEqual({ kind: 'point', group: 'acme/web', at: '2026-11-17T00:00:00Z' });
  });
});

describe('chartSpec without a bucket', () => {
  const totals = seriesResult({
    metric: 'failures', unit: 'count', bucket: null,
    series: [{ group: 'acme/api', points: [{ at: null, value: 12 }] }, { group: 'acme/web', points: [{ at: null, value: 3 }] }],
  });

  it('draws one horizontal bar per group', () => {
    const { option, targetOf } = chartSpec(totals, 'line', palette);
    expect(one(option.yAxis)).toMatchObject({ type: 'category', data: ['acme/api', 'acme/web'] });
    expect(many(option.series)[0]).toMatchObject({ type: 'bar', data: [12, 3] });
    expect(targetOf(0, 1)).toEqual({ kind: 'point', group: 'acme/web', at: null });
  });

  it('draws a pie of the groups', () => {
    const { option, targetOf } = chartSpec(totals, 'pie', palette);
    expect(many(option.series)[0]!.data).toEqual([{ name: 'acme/api', value: 12 }, { name: 'acme/web', value: 3 }]);
    expect(targetOf(0, 0)).toEqual({ kind: 'point', group: 'acme/api', at: null });
  });
});

describe('chartSpec for failure categories', () => {
  const categories = seriesResult({
    metric: 'failure_categories', unit: 'count', groupBy: null, bucket: null,
    series: [{ group: 'lint', points: [{ at: null, value: 5 }] }, { group: 'test', points: [{ at: null, value: 9 }] }, { group: 'mystery', points: [{ at: null, value: 1 }] }],
  });

  it('colours each category as its badge and names it for people', () => {
    const pie = chartSpec(categories, 'pie', palette).option;
    expect(pie.color).toEqual(['#90f', '#f90', '#a00']);
    expect(many(pie.series)[0]!.data).toEqual([{ name: 'Lint', value: 5 }, { name: 'Test', value: 9 }, { name: 'Mystery', value: 1 }]);

    const bars = many(chartSpec(categories, 'bar', palette).option.series)[0]!;
    expect(bars.data).toEqual([{ value: 5, itemStyle: { color: '#90f' } }, { value: 9, itemStyle: { color: '#f90' } }, { value: 1, itemStyle: { color: '#a00' } }]);

    const daily = seriesResult({ metric: 'failures', unit: 'count', groupBy: 'category', series: [{ group: 'test', points: [{ at: '2026-11-15T00:00:00Z', value: 2 }] }] });
    const stacked = chartSpec(daily, 'stacked_bar', palette);
    expect(stacked.option.color).toEqual(['#f90']);
    expect(many(stacked.option.series)[0]!.name).toBe('Test');
    expect(stacked.targetOf(0, 0)).toEqual({ kind: 'point', group: 'test', at: '2026-11-15T00:00:00Z' });
  });

  it('counts uncertain jobs as unclassified, on their neutral colour, and drills down to them', () => {
    const withUncertain = seriesResult({
      metric: 'failure_categories', unit: 'count', groupBy: null, bucket: null,
      series: [{ group: 'test', points: [{ at: null, value: 9 }] }, { group: 'uncertain', points: [{ at: null, value: 4 }] }],
    });
    const { option, targetOf } = chartSpec(withUncertain, 'pie', { ...palette, categories: { ...palette.categories, uncertain: '#ccc' } });
    expect(option.color).toEqual(['#f90', '#ccc']);
    expect(many(option.series)[0]!.data).toEqual([{ name: 'Test', value: 9 }, { name: 'Unclassified (uncertain)', value: 4 }]);
    expect(targetOf(0, 1)).toEqual({ kind: 'point', group: 'uncertain', at: null });
  });
});

describe('stat and emptiness', () => {
  it('totals counts and averages rates', () => {
    expect(statValue(seriesResult({ unit: 'count', series: [{ group: null, points: [{ at: null, value: 4 }, { at: null, value: 6 }] }] }))).toBe(10);
    expect(statValue(seriesResult())).toBeCloseTo(0.2);
  });

  it('combines the groups per bucket for the sparkline', () => {
    const points = combinedPoints(seriesResult());
    expect(points[0]).toBeCloseTo(0.15);
    expect(points[1]).toBeCloseTo(0.4);
    expect(points[2]).toBeCloseTo(0.15);
    expect(many(sparklineOption([1, 2, 3], palette).series)[0]!.data).toEqual([1, 2, 3]);
  });

  it('has no data when every value is unknown or nothing came back', () => {
    expect(hasData(seriesResult())).toBe(true);
    expect(hasData(seriesResult({ series: [{ group: null, points: [{ at: '2026-11-15T00:00:00Z', value: null }] }] }))).toBe(false);
    expect(hasData(seriesResult({ series: [] }))).toBe(false);
    expect(hasData(seriesResult({ shape: 'table', series: [], table: [] }))).toBe(false);
  });
});
