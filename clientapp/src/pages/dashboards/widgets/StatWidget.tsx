import { useMemo } from 'react';
import type { Bucket, MetricResult } from '../../../api/schemas';
import { EChart } from '../../../components/charts/EChart';
import { useChartPalette } from '../../../components/charts/useChartPalette';
import { combinedPoints, sparklineOption, statValue } from '../model/chartOptions';
import { formatValue, isAdditive } from '../model/units';

// Rates and durations cannot be added up: the number is the mean of the buckets' values, and says so.
const BUCKET_ADJECTIVES: Record<Bucket, string> = { hour: 'hourly', day: 'daily', week: 'weekly' };

function caption(result: MetricResult): string {
  if (isAdditive(result.unit)) return 'total over the range';
  return result.bucket ? `${BUCKET_ADJECTIVES[result.bucket]} average` : 'average';
}

/** One big number, with its trend when the range has several buckets. */
export function StatWidget({ result, title }: { result: MetricResult; title: string }) {
  const palette = useChartPalette();
  const points = useMemo(() => combinedPoints(result), [result]);
  const option = useMemo(() => sparklineOption(points, palette), [points, palette]);
  const several = points.length > 1;
  return (
    <div className="stat">
      <p className="stat-value" data-testid="stat-value">{formatValue(statValue(result), result.unit)}</p>
      {several && <p className="muted small">{caption(result)}</p>}
      {several && <EChart option={option} label={`${title} trend`} className="sparkline" />}
    </div>
  );
}
