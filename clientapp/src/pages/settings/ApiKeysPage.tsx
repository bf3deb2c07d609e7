import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiKeyScope, CreatedApiKey } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { CopyOnceDialog } from '../../components/CopyOnceDialog';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useRowAction } from '../../components/useRowAction';
import { useSubmit } from '../../components/useSubmit';
import { firstRequest } from './curlExamples';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../format';
import { SettingsNav } from './SettingsNav';

const scopes: { scope: ApiKeyScope; what: string }[] = [
  { scope: 'ingest', what: 'send pipeline events and logs' },
  { scope: 'read', what: 'query runs and metrics' },
  { scope: 'predict', what: 'classify failure logs' },
  { scope: 'admin', what: 'manage members and keys' },
];

export function ApiKeysPage() {
  usePageTitle('API keys');
  const keys = useResource((signal) => api.apiKeys(signal));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const revocation = useRowAction(keys.refresh);
  const revoke = (id: string, name: string) =>
    revocation.run(() => api.revokeApiKey(id), `Revoke "${name}"? Programs using it stop working at once.`);

  return (
    <section className="page">
      <SettingsNav />
      <header className="page-header">
        <h1>API keys</h1>
        <p className="muted">Programs — CI jobs, scripts, integrations — authenticate with <code>Authorization: Bearer flt_…</code>.</p>
      </header>
      <CreateKeyForm onCreated={(key) => { setCreated(key); keys.refresh(); }} />
      {created && (
        <CopyOnceDialog title={`Your new key "${created.name}"`} secret={created.key} onClose={() => setCreated(null)}>
          <p>Try it from a terminal:</p>
          <pre className="command" aria-label="Example request">{firstRequest(window.location.origin, created.key, created.scopes)}</pre>
          <p className="muted small">Every endpoint, with an Authorize box for this key: <a href="/api/docs">API reference</a>.</p>
        </CopyOnceDialog>
      )}
      <ProblemAlert error={revocation.error} />
      <div className="card table-card">
        {keys.resource.state === 'loading' && <p className="muted" role="status">Loading keys…</p>}
        {keys.resource.state === 'error' && <ProblemAlert error={keys.resource.error} />}
        {keys.resource.data?.length === 0 && <p className="muted">No keys yet. Create one for each program, so each can be revoked alone.</p>}
        {!!keys.resource.data?.length && (
          <table>
            <thead><tr><th>Name</th><th>Key</th><th>Scopes</th><th>Created</th><th>Last used</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {keys.resource.data.map((key) => (
                <tr key={key.id} className={key.revokedAt ? 'revoked' : undefined}>
                  <td data-label="Name">{key.name}</td>
                  <td data-label="Key"><code>{key.prefix}…</code></td>
                  <td data-label="Scopes">{key.scopes.join(', ')}</td>
                  <td data-label="Created">{formatDate(key.createdAt)} <span className="muted">by {key.createdBy}</span></td>
                  <td data-label="Last used">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}</td>
                  <td className="actions">
                    {key.revokedAt
                      ? <span className="badge subtle">revoked</span>
                      : <button type="button" className="button danger small" onClick={() => revoke(key.id, key.name)}>Revoke</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ApiKeyScope[]>(['ingest']);
  const { busy, error, onSubmit } = useSubmit(async () => {
    onCreated(await api.createApiKey(name, chosen));
    setName('');
  });
  const toggle = (scope: ApiKeyScope) => setChosen((current) => current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]);

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label="Create an API key">
      <h2>New key</h2>
      <ProblemAlert error={error} />
      <FormField label="Name" placeholder="e.g. GitHub Actions — monorepo" value={name} onChange={(e) => setName(e.target.value)}
        errors={fieldErrors(error, 'name')} />
      <fieldset className="scopes">
        <legend>Scopes</legend>
        {scopes.map(({ scope, what }) => (
          <label key={scope} className="check">
            <input type="checkbox" checked={chosen.includes(scope)} onChange={() => toggle(scope)} />
            <span><strong>{scope}</strong> <span className="muted">— {what}</span></span>
          </label>
        ))}
        {fieldErrors(error, 'scopes')?.map((message) => <p key={message} className="field-errors">{message}</p>)}
      </fieldset>
      <button className="button" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
    </form>
  );
}
