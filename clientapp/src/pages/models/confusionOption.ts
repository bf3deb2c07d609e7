import type { ChartOption } from '../../components/charts/echarts';
import type { ChartPalette } from '../../components/charts/palette';
import { categoryLabel } from '../../components/classification/categories';

/** [predicted index, true index, share of the true class, count]. */
type Cell = [number, number, number, number];

/** Cells darker than this share get light text (dark in the dark theme), so counts stay readable on the accent colour. */
const DARK_CELL = 0.5;

export function confusionCells(confusion: number[][]): Cell[] {
  return confusion.flatMap((row, truth) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    return row.map((n, predicted): Cell => [predicted, truth, total ? n / total : 0, n]);
  });
}

/** "278 of 497 right (55.9 %)": what the matrix says, for screen readers. */
export function confusionSummary(confusion: number[][]): string {
  const total = confusion.flat().reduce((sum, n) => sum + n, 0);
  const right = confusion.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  return `Confusion matrix: ${right} of ${total} evaluation logs classified right${total ? ` (${((right / total) * 100).toFixed(1)} %)` : ''}.`;
}

/** The confusion matrix as a heatmap: rows are the true class, columns the predicted one, coloured by the share of the row. */
export function confusionOption(classes: string[], confusion: number[][], palette: ChartPalette): ChartOption {
  const names = classes.map(categoryLabel);
  const cells = confusionCells(confusion);
  const axisLabel = { color: palette.muted, interval: 0, width: 96, overflow: 'truncate' as const, fontSize: 11 };
  return {
    animation: false,
    textStyle: { color: palette.text, fontFamily: palette.fontFamily },
    tooltip: {
      confine: true, backgroundColor: palette.surface, borderColor: palette.border, textStyle: { color: palette.text },
      formatter: (params: unknown) => {
        const [predicted, truth, share, n] = ((params as { value?: Cell }).value ?? [0, 0, 0, 0]);
        return `True ${names[truth] ?? ''}, predicted ${names[predicted] ?? ''}: ${n} (${Math.round(share * 100)} % of ${names[truth] ?? ''})`;
      },
    },
    grid: { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel', left: 4, right: 4, top: 4, bottom: 4 },
    xAxis: {
      type: 'category', data: names, position: 'bottom', axisTick: { show: false }, axisLine: { lineStyle: { color: palette.border } },
      axisLabel: { ...axisLabel, rotate: 45 },
    },
    yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLine: { lineStyle: { color: palette.border } }, axisLabel },
    visualMap: { type: 'continuous', show: false, min: 0, max: 1, dimension: 2, inRange: { color: [palette.surface, palette.accent] } },
    series: [{
      type: 'heatmap',
      data: cells.map((cell) => ({ value: cell, label: { color: cell[2] > DARK_CELL ? palette.surface : palette.text } })),
      label: { show: true, fontSize: 11, formatter: (params: unknown) => {
        const n = (params as { value?: Cell }).value?.[3] ?? 0;
        return n ? String(n) : '';
      } },
      itemStyle: { borderColor: palette.border, borderWidth: 1 },
      emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
    }],
  };
}
