import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';

/** The way from the overview to the organisation's default dashboard; nothing until it is known. */
export function DefaultDashboardLink() {
  const { resource } = useResource((signal) => api.dashboards(signal));
  const dashboard = resource.data?.find((d) => d.isDefault);
  if (!dashboard) return null;
  return <Link className="button" to={`/dashboards/${encodeURIComponent(dashboard.id)}`}>Open {dashboard.name}</Link>;
}
