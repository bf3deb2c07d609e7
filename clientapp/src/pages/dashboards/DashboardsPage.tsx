import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRowAction } from '../../components/useRowAction';
import { formatAgo } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { CreateDashboardForm } from './CreateDashboardForm';
import { usePageTitle } from '../../components/usePageTitle';

export function DashboardsPage() {
  usePageTitle('Dashboards');
  const { can } = useSession();
  const canEdit = can('dashboards:edit');
  const list = useResource((signal) => api.dashboards(signal));
  const deletion = useRowAction(list.refresh);
  const remove = (id: string, name: string) =>
    deletion.run(() => api.deleteDashboard(id), `Delete the dashboard "${name}"? Its widgets are deleted with it.`);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Dashboards</h1>
        <p className="muted">Failure rates, durations and costs over time, for the whole organisation or one pipeline.</p>
      </header>
      {canEdit && <CreateDashboardForm />}
      <ProblemAlert error={deletion.error} />
      <div className="card table-card">
        {list.resource.state === 'loading' && <p className="muted" role="status">Loading dashboards…</p>}
        {list.resource.state === 'error' && <ProblemAlert error={list.resource.error} />}
        {list.resource.data?.length === 0 && <p className="muted">No dashboards yet.</p>}
        {!!list.resource.data?.length && (
          <table>
            <thead><tr><th>Name</th><th>Widgets</th><th>Updated</th>{canEdit && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>
              {list.resource.data.map((dashboard) => (
                <tr key={dashboard.id}>
                  <td data-label="Name">
                    <div>
                      <Link to={`/dashboards/${encodeURIComponent(dashboard.id)}`} className="strong-link">{dashboard.name}</Link>
                      {dashboard.isDefault && <span className="badge subtle">default</span>}
                    </div>
                    {dashboard.description && <div className="muted small">{dashboard.description}</div>}
                  </td>
                  <td data-label="Widgets">{dashboard.widgetCount}</td>
                  <td data-label="Updated">{formatAgo(dashboard.updatedAt)}</td>
                  {canEdit && (
                    <td className="actions">
                      {/* The server keeps the default dashboard. */}
                      {!dashboard.isDefault && (
                        <button type="button" className="button danger small" onClick={() => void remove(dashboard.id, dashboard.name)}>Delete</button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
