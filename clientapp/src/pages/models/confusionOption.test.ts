import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../../components/charts/palette';
import { confusionCells, confusionOption, confusionSummary } from './confusionOption';

const palette: ChartPalette = { text: '#111', muted: '#666', border: '#ddd', surface: '#fff', accent: '#40f', series: ['#a00'], categories: {}, fontFamily: 'sans-serif' };
const confusion = [[8, 2], [0, 0]];

describe('confusion heatmap', () => {
  it('has one cell per (predicted, true) pair, shaded by the share of the true class', () => {
    expect(confusionCells(confusion)).toEqual([[0, 0, 0.8, 8], [1, 0, 0.2, 2], [0, 1, 0, 0], [1, 1, 0, 0]]);
  });

  it('names the classes on both axes, true classes top to bottom, in the theme colours', () => {
    const option = confusionOption(['compilation', 'test'], confusion, palette) as Record<string, unknown>;
    expect(option.xAxis).toMatchObject({ data: ['Compilation', 'Test'] });
    expect(option.yAxis).toMatchObject({ data: ['Compilation', 'Test'], inverse: true });
    expect(option.visualMap).toMatchObject({ min: 0, max: 1, dimension: 2, inRange: { color: ['#fff', '#40f'] } });
    const [series] = option.series as { data: { value: number[]; label: { color: string } }[]; label: { formatter: (p: unknown) => string } }[];
    // Counts on dark cells in the surface colour, on light ones in the text colour; empty cells say nothing.
    expect(series!.data.map((d) => d.label.color)).toEqual(['#fff', '#111', '#111', '#111']);
    expect(series!.label.formatter({ value: [0, 0, 0.8, 8] })).toBe('8');
    expect(series!.label.formatter({ value: [0, 1, 0, 0] })).toBe('');
  });

  it('sums up the diagonal for screen readers', () => {
    expect(confusionSummary(confusion)).toBe('Confusion matrix: 8 of 10 evaluation logs classified right (80.0 %).');
  });
});
