import { useState } from 'react';
import { api } from '../../api/client';
import type { CreatedWebhook, WebhookProvider } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { CopyOnceDialog } from '../../components/CopyOnceDialog';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useRowAction } from '../../components/useRowAction';
import { useSubmit } from '../../components/useSubmit';
import { formatAgo } from '../../format';
import { firstEventsGuide } from './curlExamples';
import { ProviderTokenCell } from './ProviderTokenCell';
import { UndeliveredDeliveries } from './UndeliveredDeliveries';
import { WebhookSetup } from './WebhookSetup';
import { usePageTitle } from '../../components/usePageTitle';
import { SettingsNav } from './SettingsNav';

const providers: { value: WebhookProvider; label: string }[] = [
  { value: 'github', label: 'GitHub Actions' },
  { value: 'gitlab', label: 'GitLab CI' },
  { value: 'jenkins', label: 'Jenkins' },
];

export function WebhooksPage() {
  usePageTitle('Integrations');
  const hooks = useResource((signal) => api.webhooks(signal));
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [provider, setProvider] = useState<WebhookProvider>('github');
  const [name, setName] = useState('');
  const { busy, error, onSubmit } = useSubmit(async () => {
    setCreated(await api.createWebhook(provider, name));
    setName('');
    hooks.refresh();
  });

  const deletion = useRowAction(hooks.refresh);
  const remove = (id: string, hookName: string) =>
    deletion.run(() => api.deleteWebhook(id), `Delete "${hookName}"? Its deliveries will be refused.`);

  return (
    <section className="page">
      <SettingsNav />
      <header className="page-header">
        <h1>Integrations</h1>
        <p className="muted">Connect GitHub Actions, GitLab CI or Jenkins: each webhook delivers runs and jobs as they happen.</p>
      </header>
      <form className="card inline-form" onSubmit={onSubmit} noValidate aria-label="Connect a provider">
        <div className="field">
          <label htmlFor="hook-provider">Provider</label>
          <select id="hook-provider" value={provider} onChange={(e) => setProvider(e.target.value as WebhookProvider)}>
            {providers.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </div>
        <FormField label="Name" placeholder="e.g. acme organisation" value={name} onChange={(e) => setName(e.target.value)} errors={fieldErrors(error, 'name')} />
        <button className="button" type="submit" disabled={busy || !name}>{busy ? 'Creating…' : 'Create webhook'}</button>
        <div className="form-status"><ProblemAlert error={error} /></div>
      </form>
      {created && (
        <CopyOnceDialog title={`Connect ${created.hook.name}`} secret={created.secret} onClose={() => setCreated(null)}>
          <WebhookSetup hook={created.hook} />
        </CopyOnceDialog>
      )}
      <ProblemAlert error={deletion.error} />
      <div className="card table-card">
        {hooks.resource.data?.length === 0 && <p className="muted">No webhook yet. Programs can also send events to <code>POST /api/v1/events</code>.</p>}
        {!!hooks.resource.data?.length && (
          <table>
            <thead><tr><th>Name</th><th>Provider</th><th>URL</th><th>Last delivery</th><th>Log downloads</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {hooks.resource.data.map((hook) => (
                <tr key={hook.id}>
                  <td data-label="Name">{hook.name}</td>
                  <td data-label="Provider">{providers.find((p) => p.value === hook.provider)?.label}</td>
                  <td data-label="URL"><code className="wrap">{hook.url}</code></td>
                  <td data-label="Last delivery">{hook.lastDeliveryAt ? formatAgo(hook.lastDeliveryAt) : 'never'}</td>
                  <td data-label="Log downloads"><ProviderTokenCell hook={hook} onChanged={hooks.refresh} /></td>
                  <td className="actions"><button type="button" className="button danger small" onClick={() => void remove(hook.id, hook.name)}>Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <UndeliveredDeliveries onStored={hooks.refresh} />
      <section className="card" aria-labelledby="first-events">
        <h2 id="first-events">Send your first events</h2>
        <p className="muted">
          Any CI or script can send runs and jobs itself, no webhook needed: with an API key that has the <strong>ingest</strong> scope,
          {' '}<code>curl</code> and <code>jq</code>:
        </p>
        <pre className="command" aria-label="First events">{firstEventsGuide(window.location.origin)}</pre>
        <p className="muted small">The run then shows under Runs. Every endpoint: <a href="/api/docs">API reference</a>.</p>
      </section>
    </section>
  );
}
