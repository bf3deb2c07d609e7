import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useResource } from '../../../api/useResource';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRowAction } from '../../../components/useRowAction';
import { useSession } from '../../../session/SessionProvider';
import { DisabledBadge, MutedBadge, SeverityBadge, StateBadge } from '../AlertBadges';
import { mutedUntil } from '../model/states';
import { historyPath, rulePath } from '../paths';
import { GroupStates } from './GroupStates';
import { RuleActions } from './RuleActions';
import { RuleFacts } from './RuleFacts';
import { usePageTitle } from '../../../components/usePageTitle';

/** States change every minute: the page follows. */
const REFRESH_MS = 30_000;

export function RuleDetailPage() {
  const { id = '' } = useParams();
  // A fresh page per rule: going from one rule to another must not show the first one's states.
  return <RuleDetail key={id} id={id} />;
}

function RuleDetail({ id }: { id: string }) {
  const { can } = useSession();
  const canManage = can('alerts:manage');
  const navigate = useNavigate();
  const { resource, refresh } = useResource((signal) => api.alertRule(id, signal), REFRESH_MS);
  const catalog = useResource((signal) => api.metricsCatalog(signal)).resource;
  const channels = useResource((signal) => api.alertChannels(signal)).resource;
  usePageTitle(resource.data?.name ?? 'Alert rule', 'Alerts');
  const deletion = useRowAction(() => void navigate('/alerts'));
  const acknowledgement = useRowAction(refresh);

  if (resource.state === 'loading') return <p className="muted" role="status">Loading the rule…</p>;
  if (!resource.data) return <ProblemAlert error={resource.error} />;
  const rule = resource.data;
  const metric = catalog.data?.find((m) => m.code === rule.query.metric);
  const muted = mutedUntil(rule);
  const remove = () => deletion.run(() => api.deleteAlertRule(rule.id), `Delete the rule "${rule.name}"? Its history is deleted with it.`);

  return (
    <section className="page">
      <p className="breadcrumbs"><Link to="/alerts">Alerts</Link> / {rule.name}</p>
      <header className="page-header with-actions">
        <div className="rule-title">
          <h1>{rule.name}</h1>
          <p className="badges">
            <StateBadge state={rule.state} />
            <SeverityBadge severity={rule.severity} />
            {muted && <MutedBadge until={muted} />}
            {!rule.enabled && <DisabledBadge />}
          </p>
          {rule.description && <p className="muted">{rule.description}</p>}
        </div>
        {canManage && (
          <div className="button-group">
            <Link className="button secondary" to={`${rulePath(rule.id)}/edit`}>Edit</Link>
            <button type="button" className="button danger" onClick={() => void remove()}>Delete</button>
          </div>
        )}
      </header>
      <ProblemAlert error={deletion.error ?? acknowledgement.error} />
      {resource.state === 'error' && <ProblemAlert error={resource.error} />}
      {canManage && <RuleActions rule={rule} onChanged={refresh} />}
      <GroupStates rule={rule} unit={metric?.unit ?? 'count'}
        onAcknowledge={canManage ? (group) => void acknowledgement.run(() => api.acknowledgeAlert(rule.id, group)) : undefined} />
      <RuleFacts rule={rule} metric={metric} channels={channels.data} />
      <p><Link to={historyPath({ ruleId: rule.id })}>This rule's history: state changes, notifications, mutes and tests</Link></p>
    </section>
  );
}
