import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';

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
};

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'idle' | 'done'>('loading');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (from: string | null, signal?: AbortSignal) => {
    setState('loading');
    setError(null);
    try {
      const page = await api.audit(from, signal);
      setEntries((current) => (from ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState(page.nextCursor ? 'idle' : 'done');
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') return;
      setError(caught);
      setState('idle');
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Sign-ins, member and role changes, and API keys — newest first.</p>
      </header>
      <ProblemAlert error={error} />
      <div className="card table-card">
        {state !== 'loading' && entries.length === 0 && !error && <p className="muted">Nothing recorded yet.</p>}
        {entries.length > 0 && (
          <table>
            <thead><tr><th>When</th><th>What</th><th>Who</th><th>Details</th><th>From</th></tr></thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={entry.action === 'login.failed' ? 'warn-row' : undefined}>
                  <td data-label="When">{new Date(entry.at).toLocaleString()}</td>
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
      {state === 'idle' && cursor && <button type="button" className="button secondary" onClick={() => load(cursor)}>Load older entries</button>}
    </section>
  );
}
