import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { OrganisationSettingsForm } from './OrganisationSettingsForm';
import { SettingsNav } from './SettingsNav';

/** The organisation's own settings: its name, the zone its days are cut in, and what a runner minute costs it. */
export function SettingsPage() {
  usePageTitle('Settings');
  const { resource } = useResource((signal) => api.settings(signal));

  return (
    <section className="page">
      <SettingsNav />
      <header className="page-header">
        <h1>Settings</h1>
        <p className="muted">How this organisation is named, which day a job counts on, and what its failures cost.</p>
      </header>
      {resource.state === 'loading' && <p className="muted" role="status">Loading the settings…</p>}
      {resource.state === 'error' && <ProblemAlert error={resource.error} />}
      {resource.data && <OrganisationSettingsForm settings={resource.data} />}
    </section>
  );
}
