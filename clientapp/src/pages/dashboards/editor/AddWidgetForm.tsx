import { useState, type FormEvent } from 'react';
import type { Bucket, ChartType, Dimension, MetricDefinition, Widget } from '../../../api/schemas';
import type { Resource } from '../../../api/useResource';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CHART_LABELS, chartsFor, newWidget } from '../model/newWidget';
import { humanize } from '../model/units';

const buckets: { value: Bucket | ''; label: string }[] = [
  { value: 'hour', label: 'Hour' }, { value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }, { value: '', label: 'Whole range' },
];

/** Picks a metric from the catalog and how to show it; only the group-bys the metric allows are offered. */
export function AddWidgetForm({ catalog, onAdd }: { catalog: Resource<MetricDefinition[]>; onAdd: (widget: Widget) => void }) {
  if (catalog.state === 'loading') return <p className="card muted" role="status">Loading the metric catalog…</p>;
  if (!catalog.data) return <ProblemAlert error={catalog.error} />;
  return <WidgetChoiceForm metrics={catalog.data} onAdd={onAdd} />;
}

function WidgetChoiceForm({ metrics, onAdd }: { metrics: MetricDefinition[]; onAdd: (widget: Widget) => void }) {
  const [code, setCode] = useState(metrics[0]?.code ?? '');
  const [chart, setChart] = useState<ChartType>('line');
  const [bucket, setBucket] = useState<Bucket | ''>('day');
  const [groupBy, setGroupBy] = useState<Dimension | ''>('');
  const [title, setTitle] = useState('');
  const metric = metrics.find((m) => m.code === code);
  const charts = metric ? chartsFor(metric) : [];
  const isSeries = metric?.shape === 'series';

  const pickMetric = (next: string) => {
    const definition = metrics.find((m) => m.code === next);
    setCode(next);
    if (definition && !chartsFor(definition).includes(chart)) setChart(chartsFor(definition)[0]!);
    if (definition && groupBy && !definition.groupBys.includes(groupBy)) setGroupBy('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!metric) return;
    onAdd(newWidget({ metric, chart: charts.includes(chart) ? chart : charts[0]!, bucket: bucket || null, groupBy: groupBy || null, title }));
    setTitle('');
  };

  return (
    <form className="card add-widget" onSubmit={submit} aria-label="Add a widget">
      <h2>Add a widget</h2>
      <label className="field">
        <span>Metric</span>
        <select value={code} onChange={(e) => pickMetric(e.target.value)}>
          {metrics.map((m) => <option key={m.code} value={m.code}>{m.title}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Chart</span>
        <select value={charts.includes(chart) ? chart : charts[0]} onChange={(e) => setChart(e.target.value as ChartType)}>
          {charts.map((c) => <option key={c} value={c}>{CHART_LABELS[c]}</option>)}
        </select>
      </label>
      {isSeries && metric.bucketed && chart !== 'pie' && (
        <label className="field">
          <span>One point per</span>
          <select value={bucket} onChange={(e) => setBucket(e.target.value as Bucket | '')}>
            {buckets.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
          </select>
        </label>
      )}
      {isSeries && metric.groupBys.length > 0 && (
        <label className="field">
          <span>Group by</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Dimension | '')}>
            <option value="">Nothing</option>
            {metric.groupBys.map((d) => <option key={d} value={d}>{humanize(d)}</option>)}
          </select>
        </label>
      )}
      <label className="field">
        <span>Title</span>
        <input value={title} placeholder={metric?.title ?? ''} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" className="button small" disabled={!metric}>Add widget</button>
      {metric?.description && <p className="muted small form-hint">{metric.title}: {metric.description}</p>}
    </form>
  );
}
