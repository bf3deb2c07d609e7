import { lazy, Suspense } from 'react';

// ECharts comes in its own chunk, shared with the dashboards, only once a model card is on screen.
const ConfusionChart = lazy(() => import('./ConfusionChart'));

interface Props {
  classes: string[];
  confusion: number[][];
}

export function ConfusionHeatmap({ classes, confusion }: Props) {
  return (
    <figure className="confusion">
      <Suspense fallback={<div className="chart confusion-chart chart-loading muted" role="status">Loading the chart…</div>}>
        <ConfusionChart classes={classes} confusion={confusion} />
      </Suspense>
      <figcaption className="muted small">Rows: true class · columns: predicted class · shade: share of the true class</figcaption>
    </figure>
  );
}
