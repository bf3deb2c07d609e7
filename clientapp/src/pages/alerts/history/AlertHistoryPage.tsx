import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { AlertHistoryItem, AlertRule, MetricDefinition, MetricUnit } from '../../../api/schemas';
import { useListPages } from '../../../api/useListPages';
import { useResource } from '../../../api/useResource';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDateTime, formatGroup } from '../../../format';
import { formatValue } from '../../dashboards/model/units';
import { AlertsHeader } from '../AlertsHeader';
import { unitOf } from '../model/draft';
import { readHistoryFilters, writeHistoryFilters } from '../model/history';
import { rulePath } from '../paths';
import { HistoryEvent } from './HistoryEvent';
import { HistoryFiltersBar } from './HistoryFiltersBar';

/** State changes, notifications, mutes, acknowledgements and tests, newest first; the filters are in the address. */
export function AlertHistoryPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readHistoryFilters(params), [params]);
  const rules = useResource((signal) => api.alertRules(signal)).resource;
  const channels = useResource((signal) => api.alertChannels(signal)).resource;
  const catalog = useResource((signal) => api.metricsCatalog(signal)).resource;
  const load = useCallback((cursor: string | null, signal?: AbortSignal) => api.alertHistory(filters, cursor, signal), [filters]);
  const { items, state, error, more } = useListPages<AlertHistoryItem>(load);
  const unitOfRule = (ruleId: string | null) => ruleUnit(rules.data ?? [], catalog.data ?? [], ruleId);

  return (
    <section className="page">
      <AlertsHeader title="Alert history" lead="State changes, notifications and their delivery, mutes, acknowledgements and tests — newest first." />
      <HistoryFiltersBar filters={filters} rules={rules.data} channels={channels.data} onChange={(next) => setParams(writeHistoryFilters(next))} />
      <ProblemAlert error={error} />
      <div className="card table-card">
        {state === 'done' && items.length === 0 && <p className="muted">Nothing recorded{Object.keys(filters).length ? ' that matches' : ' yet'}.</p>}
        {items.length > 0 && (
          <table>
            <thead><tr><th>When</th><th>Event</th><th>Rule</th><th>Group</th><th>Value</th><th>Details</th></tr></thead>
            <tbody>{items.map((item) => <HistoryRow key={item.id} item={item} unit={unitOfRule(item.ruleId)} />)}</tbody>
          </table>
        )}
        {state === 'loading' && <p className="muted" role="status">Loading…</p>}
      </div>
      {more && <button type="button" className="button secondary" onClick={() => void more()}>Load older entries</button>}
    </section>
  );
}

function ruleUnit(rules: AlertRule[], metrics: MetricDefinition[], ruleId: string | null): MetricUnit {
  const rule = rules.find((r) => r.id === ruleId);
  return rule ? unitOf(metrics, rule.query.metric) : 'count';
}

function HistoryRow({ item, unit }: { item: AlertHistoryItem; unit: MetricUnit }) {
  const format = (value: number) => formatValue(value, unit);
  return (
    <tr>
      <td data-label="When">{formatDateTime(item.at)}</td>
      <td data-label="Event"><HistoryEvent item={item} /></td>
      <td data-label="Rule">{item.ruleId ? <Link to={rulePath(item.ruleId)}>{item.ruleName ?? 'A rule'}</Link> : '—'}</td>
      <td data-label="Group">{item.group === null ? '—' : formatGroup(item.group)}</td>
      <td data-label="Value">
        {item.value !== null ? format(item.value) : '—'}
        {item.threshold !== null && <span className="muted small"> (threshold {format(item.threshold)})</span>}
      </td>
      <td data-label="Details">
        {item.detail && <span className="wrap-anywhere">{item.detail}</span>}
        {item.actor && <span className="muted small"> by {item.actor}</span>}
      </td>
    </tr>
  );
}
