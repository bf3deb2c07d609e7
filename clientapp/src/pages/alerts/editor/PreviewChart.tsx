import { useMemo } from 'react';
import type { AlertPreview, ConditionKind, Dimension } from '../../../api/schemas';
import { EChart } from '../../../components/charts/EChart';
import { useChartPalette } from '../../../components/charts/useChartPalette';
import { previewLimits, previewResult } from '../model/preview';
import { previewOption } from '../model/previewChart';

interface Props {
  preview: AlertPreview;
  kind: ConditionKind;
  metric: string;
  metricTitle: string;
  groupBy: Dimension | null;
}

/** Loaded with ECharts, on its own: see RulePreview. */
export default function PreviewChart({ preview, kind, metric, metricTitle, groupBy }: Props) {
  const palette = useChartPalette();
  const option = useMemo(
    () => previewOption(previewResult(preview, metric, groupBy), previewLimits(preview, kind), palette),
    [preview, kind, metric, groupBy, palette],
  );
  return <EChart option={option} label={`${metricTitle} over time, with the threshold`} className="chart preview-chart" />;
}
