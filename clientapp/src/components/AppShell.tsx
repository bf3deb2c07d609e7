import { useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { settingsSectionsFor } from '../pages/settings/sections';
import { useSession } from '../session/SessionProvider';
import { useTheme } from '../theme/useTheme';
import { ThemeToggle } from './ThemeToggle';
import { useCollapsesWhenCrowded } from './useCollapsesWhenCrowded';
import { UserMenu } from './UserMenu';

const links = [
  { to: '/', label: 'Overview', end: true },
  { to: '/dashboards', label: 'Dashboards', end: false, permission: 'data:read' },
  { to: '/alerts', label: 'Alerts', end: false, permission: 'data:read' },
  { to: '/reports', label: 'Reports', end: false, permission: 'data:read' },
  { to: '/runs', label: 'Runs', end: false, permission: 'data:read' },
  { to: '/models', label: 'Models', end: false, permission: 'data:read' },
];

export function AppShell() {
  const { theme, toggle } = useTheme();
  const { state, can } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const topbar = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // One "Settings" link for every settings page this person may open: the bar stays short enough to fit.
  const settings = settingsSectionsFor(can);
  const inSettings = settings.some((section) => pathname.startsWith(section.to));
  const shown = [
    ...links.filter((link) => !link.permission || can(link.permission)),
    ...(settings[0] ? [{ to: settings[0].to, label: 'Settings', end: false }] : []),
  ];
  // Whatever changes the bar's width: the links, the session's organisation and e-mail.
  const contentKey = [state.status, state.status === 'signed-in' ? `${state.me.tenant?.name}|${state.me.actor}` : '', ...shown.map((link) => link.to)].join(' ');
  const collapsed = useCollapsesWhenCrowded(topbar, contentKey);

  return (
    <div className="shell">
      <header ref={topbar} className={collapsed ? 'topbar collapsed' : 'topbar'}>
        <NavLink to="/" className="brand" aria-label="Faultline home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Faultline</span>
        </NavLink>
        <button type="button" className="icon-button menu-button" aria-label="Menu" aria-expanded={menuOpen} aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 7h16M4 12h16M4 17h16" /></svg>
        </button>
        {/* Any tap on a link closes the phone menu, the current page's link included. */}
        <nav id="main-nav" className={menuOpen ? 'nav open' : 'nav'} aria-label="Main"
          onClick={(event) => { if ((event.target as HTMLElement).closest('a')) setMenuOpen(false); }}>
          {shown.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end}
              className={({ isActive }) => (isActive || (link.label === 'Settings' && inSettings) ? 'active' : undefined)}>{link.label}</NavLink>
          ))}
          <UserMenu />
        </nav>
        <ThemeToggle theme={theme} onToggle={toggle} />
      </header>
      <main className="content">
        <Outlet />
      </main>
      <footer className="footer">
        <NavLink to="/status">System status</NavLink>
        <a href="/api/docs">API docs</a>
        <a href="/openapi/v1.json">OpenAPI</a>
      </footer>
    </div>
  );
}
