import { useCallback } from 'react';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/schemas';
import { useListPages } from '../../api/useListPages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { SettingsNav } from './SettingsNav';

const labels: Record<string, string> = {
  'tenant.created': 'Organisation created',
  'login.succeeded': 'Logged in',
  'login.failed': 'Failed login',
  'password.reset': 'Password reset',
  'member.invited': 'Member invited',
  'invitation.revoked': 'Invitation revoked',
  'member.joined': 'Member joined',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'apikey.created': 'API key created',
  'apikey.revoked': 'API key revoked',
  'webhook.created': 'Webhook created',
  'webhook.deleted': 'Webhook deleted',
  'webhook.replayed': 'Delivery replayed',
  'webhook.replay_failed': 'Delivery replay refused',
  'webhook.delivery_discarded': 'Delivery discarded',
  'settings.name': 'Organisation renamed',
  'settings.time_zone': 'Time zone changed',
  'settings.runner_price': 'Runner price changed',
};

export function AuditPage() {
  usePageTitle('Audit log');
  const load = useCallback((cursor: string | null, signal?: AbortSignal) => api.audit(cursor, signal), []);
  const { items: entries, state, error, more } = useListPages<AuditEntry>(load);

  return (
    <section className="page">
      <SettingsNav />
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Sign-ins, member and role changes, API keys and webhooks — newest first.</p>
      </header>
      <ProblemAlert error={error} />
      <div className="card table-card">
        {state === 'done' && entries.length === 0 && <p className="muted">Nothing recorded yet.</p>}
        {entries.length > 0 && (
          <table>
            <thead><tr><th>When</th><th>What</th><th>Who</th><th>Details</th><th>From</th></tr></thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={entry.action === 'login.failed' ? 'warn-row' : undefined}>
                  <td data-label="When">{formatDateTime(entry.at)}</td>
                  <td data-label="What">{labels[entry.action] ?? entry.action}</td>
                  <td data-label="Who">{entry.actor ?? '—'}</td>
                  <td data-label="Details">{entry.target ?? ''}</td>
                  <td data-label="From">{entry.clientAddress ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {state === 'loading' && <p className="muted" role="status">Loading…</p>}
      </div>
      {more && <button type="button" className="button secondary" onClick={() => void more()}>Load older entries</button>}
    </section>
  );
}
