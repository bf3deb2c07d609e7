import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './SessionProvider';

/** Renders its children for a signed-in user; sends everyone else to log in and back. */
export function RequireSession({ children, permission }: { children: ReactNode; permission?: string }) {
  const { state, can } = useSession();
  const location = useLocation();

  if (state.status === 'loading') return <p className="muted" role="status">Loading…</p>;
  if (state.status === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (permission && !can(permission)) {
    return (
      <section className="page empty-state">
        <h1>Not available to your role</h1>
        <p className="muted">Ask an owner or admin of {state.me.tenant?.name ?? 'your organisation'} if you need this.</p>
      </section>
    );
  }
  return <>{children}</>;
}
