import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { AlertRule, MetricDefinition } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatAgo } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { humanize } from '../dashboards/model/units';
import { DisabledBadge, MutedBadge, SeverityBadge, StateBadge } from './AlertBadges';
import { AlertsHeader } from './AlertsHeader';
import { TemplateLinks } from './TemplateLinks';
import { describeRule } from './model/describe';
import { unitOf } from './model/draft';
import { mutedUntil, sortRules } from './model/states';
import { rulePath } from './paths';

/** States change every minute: the list follows. */
const REFRESH_MS = 30_000;

export function AlertRulesPage() {
  const { can } = useSession();
  const canManage = can('alerts:manage');
  const rules = useResource((signal) => api.alertRules(signal), REFRESH_MS);
  const catalog = useResource((signal) => api.metricsCatalog(signal)).resource;
  const list = rules.resource.data;

  return (
    <section className="page">
      <AlertsHeader title="Alerts" lead="Rules that watch your metrics and tell people when a threshold is crossed, and again when it recovers."
        actions={canManage && <Link className="button" to="/alerts/new">New rule</Link>} />
      {rules.resource.state === 'error' && <ProblemAlert error={rules.resource.error} />}
      {rules.resource.state === 'loading' && <p className="muted" role="status">Loading rules…</p>}
      {list?.length === 0 && (
        <div className="card empty-rules">
          <h2>No alert rules yet</h2>
          {canManage ? <TemplateLinks /> : <p className="muted">Members and admins can create rules.</p>}
        </div>
      )}
      {!!list?.length && (
        <div className="card table-card">
          <table>
            <thead><tr><th>Rule</th><th>Severity</th><th>State</th><th>Last evaluated</th><th>Groups</th></tr></thead>
            <tbody>{sortRules(list).map((rule) => <RuleRow key={rule.id} rule={rule} metrics={catalog.data ?? []} />)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleRow({ rule, metrics }: { rule: AlertRule; metrics: MetricDefinition[] }) {
  const muted = mutedUntil(rule);
  const title = metrics.find((m) => m.code === rule.query.metric)?.title ?? humanize(rule.query.metric);
  const firing = rule.groups.filter((group) => group.state === 'firing').length;
  return (
    <tr>
      <td data-label="Rule">
        <div><Link to={rulePath(rule.id)} className="strong-link">{rule.name}</Link></div>
        <div className="muted small">{describeRule(rule, title, unitOf(metrics, rule.query.metric))}</div>
      </td>
      <td data-label="Severity"><SeverityBadge severity={rule.severity} /></td>
      <td data-label="State">
        <div className="badges">
          <StateBadge state={rule.state} />
          {muted && <MutedBadge until={muted} />}
          {!rule.enabled && <DisabledBadge />}
        </div>
      </td>
      <td data-label="Last evaluated">{rule.lastEvaluatedAt ? formatAgo(rule.lastEvaluatedAt) : 'not yet'}</td>
      <td data-label="Groups"><span>{rule.groups.length}{firing > 0 && rule.groups.length > 1 && <span className="muted"> · {firing} firing</span>}</span></td>
    </tr>
  );
}
