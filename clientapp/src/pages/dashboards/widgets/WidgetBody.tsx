import type { ChartType, WidgetData } from '../../../api/schemas';
import { hasData, statValue } from '../model/chartOptions';
import type { DrillTarget } from '../model/drillDown';
import { PlotWidget } from './PlotWidget';
import { StatWidget } from './StatWidget';
import { TableWidget } from './TableWidget';

interface Props {
  title: string;
  chart: ChartType;
  /** Undefined when the dashboard's data has no entry for the widget (loading, or added since the last save). */
  data: WidgetData | undefined;
  loading: boolean;
  drillUrl?: ((target: DrillTarget) => string) | undefined;
}

/** A widget's content in whichever state it is: loading, failed, empty, or drawn. */
export function WidgetBody({ title, chart, data, loading, drillUrl }: Props) {
  if (!data) {
    return <p className="widget-note muted" role={loading ? 'status' : undefined}>{loading ? 'Loading…' : 'Save the dashboard to see this widget’s data.'}</p>;
  }
  if (data.error) {
    return (
      <div className="widget-note widget-error" role="alert">
        <strong>{data.error.title}</strong>
        {data.error.detail && <span>{data.error.detail}</span>}
      </div>
    );
  }
  const result = data.result;
  // A pie of zeros draws nothing at all.
  const empty = !result || !hasData(result) || (chart === 'pie' && result.shape === 'series' && statValue(result) === 0);
  if (empty) return <p className="widget-note muted">No data in this range</p>;
  if (chart === 'stat') return <StatWidget result={result} title={title} />;
  if (chart === 'table' || result.shape === 'table') return <TableWidget result={result} drillUrl={drillUrl} />;
  return <PlotWidget result={result} type={chart} title={title} drillUrl={drillUrl} />;
}
