import { useMemo } from 'react';
import type { MetricResult } from '../../../api/types';
import { EChart } from '../../../components/charts/EChart';
import { useChartPalette } from '../../../components/charts/useChartPalette';
import { combinedPoints, sparklineOption, statValue } from '../model/chartOptions';
import { formatValue, isAdditive } from '../model/units';

/** One big number, with its trend when the range has several buckets. */
export function StatWidget({ result, title }: { result: MetricResult; title: string }) {
  const palette = useChartPalette();
  const points = useMemo(() => combinedPoints(result), [result]);
  const option = useMemo(() => sparklineOption(points, palette), [points, palette]);
  const several = points.length > 1;
  return (
    <div className="stat">
      <p className="stat-value" data-testid="stat-value">{formatValue(statValue(result), result.unit)}</p>
      {several && <p className="muted small">{isAdditive(result.unit) ? 'total' : 'average'} over the range</p>}
      {several && <EChart option={option} label={`${title} trend`} className="sparkline" />}
    </div>
  );
}
