import { api } from '../api/client';
import { useResource } from '../api/useResource';
import { DependencyCard } from '../components/DependencyCard';
import { usePageTitle } from '../components/usePageTitle';
import { formatTime } from '../format';

const REFRESH_MS = 10_000;

export function StatusPage() {
  usePageTitle('System status');
  const { resource, loadedAt, refresh } = useResource((signal) => api.readiness(signal), REFRESH_MS);
  const readiness = resource.data;

  return (
    <section className="page">
      <header className="page-header with-actions">
        <div>
          <h1>System status</h1>
          <p className="muted" aria-live="polite">
            {loadedAt ? `Checked at ${formatTime(loadedAt)} · refreshes every ${REFRESH_MS / 1000} s` : 'Checking…'}
          </p>
        </div>
        <button type="button" className="button secondary" onClick={refresh}>Check now</button>
      </header>

      {resource.state === 'loading' && <p className="card skeleton" role="status">Checking the backend…</p>}

      {resource.state === 'error' && (
        <div className="banner error" role="alert">
          <strong>Cannot reach the backend.</strong> {resource.error.message}
          {readiness && ' Showing the last known state.'}
        </div>
      )}

      {readiness && (
        <>
          <div className={`banner ${readiness.status === 'ready' ? 'ok' : 'warn'}`} data-testid="overall-status">
            {readiness.status === 'ready' ? 'All systems operational' : 'Degraded: some dependencies are down'}
          </div>
          <ul className="grid">
            {readiness.checks.map((check) => (
              <DependencyCard key={check.name} check={check} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
