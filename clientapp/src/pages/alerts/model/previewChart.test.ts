import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../../../components/charts/palette';
import { preview } from './fixtures';
import { MAX_PREVIEW_LINES, previewLimits, previewResult } from './preview';
import { previewOption } from './previewChart';

const palette: ChartPalette = { text: '#111', muted: '#666', border: '#ddd', surface: '#fff', accent: '#40f', series: ['#a00', '#0a0'], categories: {}, fontFamily: 'sans-serif' };

type Loose = Record<string, unknown>;
const many = (part: unknown) => part as Loose[];
const one = (part: unknown) => part as Loose;

describe('preview chart', () => {
  it('has no history and no line for a state metric, and no threshold line for a percent change', () => {
    expect(previewResult(preview({ history: null }), 'broken_for', 'pipeline').series).toEqual([]);
    expect(previewLimits(preview({ threshold: null }), 'percent_change')).toEqual([]);
  });

  it('draws one line per group, at most ten', () => {
    const series = Array.from({ length: 14 }, (_, i) => ({ group: `repo-${i}`, points: [{ at: '2026-11-22T08:00:00Z', value: i / 100 }] }));
    const result = previewResult(preview({ history: { bucket: 'hour', series } }), 'failure_rate', 'repository');
    expect(result.series).toHaveLength(MAX_PREVIEW_LINES);
    const option = previewOption(result, [], palette, 'en-US');
    expect(many(option.series).map((s) => [s.type, s.name])).toEqual(series.slice(0, 10).map((s) => ['line', s.group]));
  });

  it('marks the threshold across the chart, labelled in the metric unit', () => {
    const data = preview();
    const option = previewOption(previewResult(data, 'failure_rate', 'repository'), previewLimits(data, 'above'), palette, 'en-US');
    const markLine = one(many(option.series)[0]!.markLine);
    expect(markLine.data).toEqual([{ name: 'Threshold', yAxis: 0.2 }]);
    const formatter = one(markLine.label).formatter as (params: { name: string; value: number }) => string;
    expect(formatter({ name: 'Threshold', value: 0.2 })).toBe('Threshold 20%');
    expect(many(option.series)[1]!.markLine).toBeUndefined();
  });

  it('stretches the axis to a threshold above every value', () => {
    const data = preview({ threshold: 0.5 });
    const option = previewOption(previewResult(data, 'failure_rate', null), previewLimits(data, 'above'), palette);
    expect(one(option.yAxis).max).toBeCloseTo(0.575);
    const below = preview({ threshold: 0.1 });
    expect(one(previewOption(previewResult(below, 'failure_rate', null), previewLimits(below, 'above'), palette).yAxis).max).toBeUndefined();
  });

  it('marks both limits of outside, and none for a percent change', () => {
    const data = preview({ threshold: 0.05, upper: 0.4 });
    expect(previewLimits(data, 'outside')).toEqual([{ label: 'Lower', value: 0.05 }, { label: 'Upper', value: 0.4 }]);
    expect(previewLimits(data, 'percent_change')).toEqual([]);
  });
});
