import type { MetricResult } from '../../../api/schemas';
import type { ChartOption, LineSeriesOption } from '../../../components/charts/echarts';
import type { ChartPalette } from '../../../components/charts/palette';
import { chartSpec } from '../../dashboards/model/chartOptions';
import { durationStep, formatValue } from '../../dashboards/model/units';
import type { Limit } from './preview';

/** A line per group, with the limits drawn across as dashed lines labelled with their value. Loaded with the chart, in its own chunk. */
export function previewOption(result: MetricResult, limits: Limit[], palette: ChartPalette, locale?: string): ChartOption {
  const { option } = chartSpec(result, 'line', palette, locale);
  const series = (Array.isArray(option.series) ? option.series : []) as LineSeriesOption[];
  const first = series[0];
  if (!first || limits.length === 0) return option;

  const format = (value: number) => formatValue(value, result.unit, locale ? { locale } : {});
  const markLine: LineSeriesOption['markLine'] = {
    silent: true, symbol: 'none', animation: false,
    lineStyle: { color: palette.text, type: 'dashed', width: 1.5 },
    label: { position: 'insideEndTop', color: palette.text, formatter: (params) => `${params.name} ${format(Number(params.value))}` },
    data: limits.map((limit) => ({ name: limit.label, yAxis: limit.value })),
  };

  // Mark lines do not stretch the axis: a threshold above every value would be off the chart.
  const values = result.series.flatMap((s) => s.points.map((p) => p.value ?? 0));
  const top = Math.max(...limits.map((limit) => limit.value));
  const dataMax = Math.max(0, ...values);
  const yAxis = option.yAxis && !Array.isArray(option.yAxis) ? option.yAxis : {};
  let axisMax = {};
  if (top > 0 && top >= dataMax) {
    const headroom = top * 1.15;
    const step = result.unit === 'ms' ? durationStep(headroom) : undefined;
    axisMax = step ? { interval: step, max: Math.ceil(headroom / step) * step } : { max: headroom };
  }
  return { ...option, yAxis: { ...yAxis, ...axisMax }, series: [{ ...first, markLine }, ...series.slice(1)] };
}
