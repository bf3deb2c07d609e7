import { useMemo } from 'react';
import { EChart } from '../../components/charts/EChart';
import { useChartPalette } from '../../components/charts/useChartPalette';
import { confusionOption, confusionSummary } from './confusionOption';

interface Props {
  classes: string[];
  confusion: number[][];
}

/** Loaded with ECharts, on its own: see ConfusionHeatmap. */
export default function ConfusionChart({ classes, confusion }: Props) {
  const palette = useChartPalette();
  const option = useMemo(() => confusionOption(classes, confusion, palette), [classes, confusion, palette]);
  return <EChart option={option} label={confusionSummary(confusion)} className="chart confusion-chart" />;
}
