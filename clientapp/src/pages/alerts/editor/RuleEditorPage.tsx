import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { AlertRuleDraft } from '../../../api/schemas';
import { useResource } from '../../../api/useResource';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePageTitle } from '../../../components/usePageTitle';
import { formOf, newRuleForm, unitOf } from '../model/draft';
import { rulePath } from '../paths';
import { RuleForm } from './RuleForm';

/** /alerts/new (optionally ?template=) and /alerts/rules/:id/edit. */
export function RuleEditorPage() {
  const { id } = useParams();
  return <RuleEditor key={id ?? 'new'} id={id ?? null} />;
}

function RuleEditor({ id }: { id: string | null }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const catalog = useResource((signal) => api.metricsCatalog(signal)).resource;
  const channels = useResource((signal) => api.alertChannels(signal)).resource;
  const rule = useResource((signal) => (id ? api.alertRule(id, signal) : Promise.resolve(null))).resource;
  const templates = useResource((signal) => (id ? Promise.resolve([]) : api.alertTemplates(signal))).resource;
  usePageTitle(id ? `Edit ${rule.data?.name ?? 'alert rule'}` : 'New alert rule', 'Alerts');

  const save = async (draft: AlertRuleDraft) => {
    if (id) {
      await api.updateAlertRule(id, draft);
      void navigate(rulePath(id));
    } else {
      void navigate(rulePath((await api.createAlertRule(draft)).id));
    }
  };

  const title = rule.data ? `Edit ${rule.data.name}` : 'New alert rule';
  const header = (
    <>
      <p className="breadcrumbs">
        <Link to="/alerts">Alerts</Link> / {rule.data ? <><Link to={rulePath(rule.data.id)}>{rule.data.name}</Link> / Edit</> : 'New rule'}
      </p>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">
          {id ? 'Changing the metric, the condition or the window, or switching the rule off or on, starts its states over at OK.' : 'Watch a metric, and tell people when it crosses a threshold and when it recovers.'}
        </p>
      </header>
    </>
  );

  if (catalog.state === 'loading' || rule.state === 'loading' || templates.state === 'loading') {
    return <section className="page">{header}<p className="muted" role="status">Loading…</p></section>;
  }
  if (!catalog.data || rule.data === undefined) {
    return <section className="page">{header}<ProblemAlert error={catalog.error ?? rule.error} /></section>;
  }
  const metrics = catalog.data.filter((metric) => metric.shape === 'series');
  const templateKey = params.get('template') ?? '';
  const initial = rule.data ? formOf(rule.data, unitOf(metrics, rule.data.query.metric)) : newRuleForm(metrics, templates.data ?? [], templateKey);

  return (
    <section className="page">
      {header}
      {templates.state === 'error' && <ProblemAlert error={templates.error} />}
      <RuleForm initial={initial} metrics={metrics} channels={channels} submitLabel={id ? 'Save rule' : 'Create rule'}
        templates={id ? undefined : { list: templates.data ?? [], initialKey: templateKey }}
        cancelTo={id ? rulePath(id) : '/alerts'} onSave={save} />
    </section>
  );
}
