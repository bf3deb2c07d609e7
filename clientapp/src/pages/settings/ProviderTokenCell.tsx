import { useState } from 'react';
import { api } from '../../api/client';
import type { Webhook } from '../../api/schemas';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { formatAgo } from '../../format';

const githubHint = 'A fine-grained token with read-only access to Actions.';
const gitlabHint = 'A project or group access token with the read_api scope.';

/**
 * Whether Faultline downloads a GitHub or GitLab hook's failed-job logs: the token is set or not (it is
 * never shown again), the last download error, and a small form to set, replace or clear the token.
 */
export function ProviderTokenCell({ hook, onChanged }: { hook: Webhook; onChanged: () => void }) {
  const access = hook.providerApi;
  const [editing, setEditing] = useState(false);
  const [token, setToken] = useState('');
  const [apiBaseUrl, setApiBaseUrl] = useState(access?.apiBaseUrl ?? '');
  const save = useSubmit(async () => {
    await api.updateWebhook(hook.id, { token, apiBaseUrl });
    setEditing(false);
    setToken('');
    onChanged();
  });
  const clear = useSubmit(async () => {
    await api.updateWebhook(hook.id, { token: '' });
    onChanged();
  });
  if (!access) return <span className="muted">—</span>;

  return (
    <div className="provider-token">
      <span className={access.tokenSet ? 'badge' : 'badge subtle'}>{access.tokenSet ? 'Token set' : 'No token'}</span>
      {access.lastFetchError && (
        <p className="fetch-error" role="status">
          {access.lastFetchError}{access.lastFetchErrorAt && <span className="muted"> ({formatAgo(access.lastFetchErrorAt)})</span>}
        </p>
      )}
      {!access.lastFetchError && access.lastFetchedAt && <p className="muted">Last log downloaded {formatAgo(access.lastFetchedAt)}</p>}
      {editing ? (
        <form onSubmit={save.onSubmit} noValidate aria-label={`Token of ${hook.name}`}>
          <FormField label="Provider token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)}
            hint={hook.provider === 'github' ? githubHint : gitlabHint} errors={fieldErrors(save.error, 'token')} />
          <FormField label="API address (optional)" placeholder={hook.provider === 'github' ? 'https://api.github.com' : 'https://gitlab.example.com'}
            value={apiBaseUrl} onChange={(e) => setApiBaseUrl(e.target.value)} errors={fieldErrors(save.error, 'apiBaseUrl')} />
          <div className="button-group">
            <button className="button small" type="submit" disabled={save.busy || !token}>{save.busy ? 'Saving…' : 'Save token'}</button>
            <button className="button secondary small" type="button" onClick={() => setEditing(false)}>Cancel</button>
          </div>
          <ProblemAlert error={save.error} />
        </form>
      ) : (
        <div className="button-group">
          <button className="button small" type="button" onClick={() => setEditing(true)}>{access.tokenSet ? 'Replace token' : 'Set token'}</button>
          {access.tokenSet && (
            <button className="button danger small" type="button" disabled={clear.busy} onClick={() => void clear.onSubmit()}>Clear token</button>
          )}
          <ProblemAlert error={clear.error} />
        </div>
      )}
    </div>
  );
}
