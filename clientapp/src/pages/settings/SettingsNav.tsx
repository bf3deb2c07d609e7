import { NavLink } from 'react-router-dom';
import { useSession } from '../../session/SessionProvider';
import { settingsSectionsFor } from './sections';

/** The tabs between the settings pages this person may open. */
export function SettingsNav() {
  const { can } = useSession();
  const sections = settingsSectionsFor(can);
  if (sections.length < 2) return null;
  return (
    <nav className="settings-nav" aria-label="Settings">
      {sections.map((section) => <NavLink key={section.to} to={section.to} end>{section.label}</NavLink>)}
    </nav>
  );
}
