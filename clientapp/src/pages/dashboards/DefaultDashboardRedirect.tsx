import { Navigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Signed in with data: the default dashboard is where the day starts. */
export function DefaultDashboardRedirect() {
  const { resource } = useResource((signal) => api.dashboards(signal));
  const dashboard = resource.data?.find((d) => d.isDefault) ?? resource.data?.[0];
  if (resource.state === 'error') return <ProblemAlert error={resource.error} />;
  if (dashboard) return <Navigate to={`/dashboards/${encodeURIComponent(dashboard.id)}`} replace />;
  return <p className="muted" role="status">Opening your dashboard…</p>;
}
