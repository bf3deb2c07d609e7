import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { usePageTitle } from '../../components/usePageTitle';

const sections = [
  { to: '/alerts', label: 'Rules', end: true },
  { to: '/alerts/history', label: 'History', end: false },
  { to: '/alerts/channels', label: 'Channels', end: false },
];

/** The title of the alerts list pages, with the tabs between them. */
export function AlertsHeader({ title, lead, actions }: { title: string; lead: string; actions?: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <header className="page-header with-actions">
        <div>
          <h1>{title}</h1>
          <p className="muted">{lead}</p>
        </div>
        {actions}
      </header>
      <nav className="subnav" aria-label="Alerts">
        {sections.map((section) => <NavLink key={section.to} to={section.to} end={section.end}>{section.label}</NavLink>)}
      </nav>
    </>
  );
}
