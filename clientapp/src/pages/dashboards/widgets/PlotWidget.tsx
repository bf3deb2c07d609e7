import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MetricResult } from '../../../api/schemas';
import { EChart } from '../../../components/charts/EChart';
import { useChartPalette } from '../../../components/charts/useChartPalette';
import { chartSpec, type PlotType } from '../model/chartOptions';
import type { DrillTarget } from '../model/drillDown';

interface Props {
  result: MetricResult;
  type: PlotType;
  title: string;
  drillUrl?: ((target: DrillTarget) => string) | undefined;
}

/** Line, area, bar, stacked bar and pie charts; a click on a point or slice opens what it counted. */
export function PlotWidget({ result, type, title, drillUrl }: Props) {
  const palette = useChartPalette();
  const navigate = useNavigate();
  const spec = useMemo(() => chartSpec(result, type, palette), [result, type, palette]);
  const onSelect = drillUrl && ((seriesIndex: number, dataIndex: number) => void navigate(drillUrl(spec.targetOf(seriesIndex, dataIndex))));
  return <EChart option={spec.option} label={title} {...(onSelect ? { onSelect } : {})} />;
}
