import { lazy, Suspense } from 'react';
import type { AlertPreview, Bucket, ConditionKind, Dimension, MetricUnit } from '../../../api/schemas';
import { ApiError } from '../../../api/client';
import { SaveProblem } from '../../../components/SaveProblem';
import { withoutFields } from '../../../components/ProblemAlert';
import { formatValue } from '../../dashboards/model/units';
import { OkBadge } from '../AlertBadges';
import { MAX_PREVIEW_LINES } from '../model/preview';
import { groupName } from '../model/states';
import { PLACED_FIELDS } from './section';
import type { PreviewState } from './useRulePreview';

// ECharts comes in its own chunk, shared with the dashboards, once there is something to draw.
const PreviewChart = lazy(() => import('./PreviewChart'));

const PERIODS: Record<Bucket, string> = { hour: 'Last 24 hours, by hour', day: 'Last 14 days, by day', week: 'By week' };

interface Props {
  state: PreviewState;
  /** False while the draft is incomplete: nothing is asked. */
  ready: boolean;
  kind: ConditionKind;
  metric: string;
  metricTitle: string;
  groupBy: Dimension | null;
}

/** How the draft would behave: the metric over recent time against the threshold, and each group's value now. */
export function RulePreview({ state: { preview, error, loading }, ready, ...chart }: Props) {
  const fieldsOnly = error instanceof ApiError && withoutFields(error, PLACED_FIELDS) === null;
  return (
    <section className="card rule-preview" aria-labelledby="rule-preview-title" aria-busy={loading}>
      <div className="preview-head">
        <h2 id="rule-preview-title">Preview</h2>
        {ready && loading && <span className="muted small" role="status">Updating…</span>}
      </div>
      {!ready && <p className="muted">Choose a metric and a threshold to see how the rule would behave.</p>}
      {ready && fieldsOnly && <p className="muted small">Correct the marked fields to update the preview.</p>}
      {ready && <SaveProblem error={withoutFields(error, PLACED_FIELDS)} />}
      {ready && !preview && !error && <p className="muted" role="status">Computing…</p>}
      {ready && preview && <PreviewBody preview={preview} {...chart} />}
    </section>
  );
}

function PreviewBody({ preview, kind, metric, metricTitle, groupBy }: { preview: AlertPreview } & Omit<Props, 'state' | 'ready'>) {
  const series = preview.history?.series ?? [];
  const drawn = Math.min(series.length, MAX_PREVIEW_LINES);
  return (
    <>
      {!preview.history ? (
        <p className="muted">{metricTitle} is a state at the end of the window: there is no history to draw.</p>
      ) : series.some((s) => s.points.length > 0) ? (
        <Suspense fallback={<div className="chart preview-chart chart-loading muted" role="status">Loading the chart…</div>}>
          <PreviewChart preview={preview} kind={kind} metric={metric} metricTitle={metricTitle} groupBy={groupBy} />
        </Suspense>
      ) : (
        <p className="muted">No values in this period.</p>
      )}
      <p className="muted small">
        {preview.history ? PERIODS[preview.history.bucket] : ''}
        {series.length > drawn ? ` · the first ${drawn} of ${series.length} groups` : ''}
        {kind === 'percent_change' ? ' · the threshold is a change against the window before, so it is not drawn' : ''}
      </p>
      <CurrentValues current={preview.current} unit={preview.unit} kind={kind} />
    </>
  );
}

/** For a percent change the server answers the change itself, in percent. */
const formatCurrent = (value: number | null, unit: MetricUnit, kind: ConditionKind) =>
  kind === 'percent_change' && value !== null ? `${value > 0 ? '+' : ''}${value.toFixed(1)}%` : formatValue(value, unit);

function CurrentValues({ current, unit, kind }: { current: AlertPreview['current']; unit: MetricUnit; kind: ConditionKind }) {
  if (current.length === 0) return <p className="muted small">No group has a value in the window.</p>;
  const sorted = [...current].sort((a, b) => Number(b.breaching) - Number(a.breaching));
  return (
    <>
      <h3 className="section-subtitle">Now, over the window</h3>
      <ul className="preview-values" aria-label="Current values">
        {sorted.map((entry) => (
          <li key={entry.group ?? ''}>
            <span className="group-name">{groupName(entry.group)}</span>
            <span className="value">{formatCurrent(entry.value, unit, kind)}</span>
            <OkBadge ok={!entry.breaching} yes="OK" no="Would fire" />
          </li>
        ))}
      </ul>
    </>
  );
}
