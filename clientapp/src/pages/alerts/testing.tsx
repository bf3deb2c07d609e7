import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { api } from '../../api/client';
import type { AlertChannel, Me } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';

/** For the page tests: a signed-in user with these permissions, the pages at their paths, and where the app went. */
export function renderPages(path: string, routes: Record<string, ReactNode>, permissions = ['data:read', 'alerts:manage']) {
  const me: Me = { userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'member', permissions, tenants: [] };
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me });
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <Routes>{Object.entries(routes).map(([at, element]) => <Route key={at} path={at} element={element} />)}</Routes>
        <Location />
      </SessionProvider>
    </MemoryRouter>,
  );
}

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

export function channel(overrides: Partial<AlertChannel> = {}): AlertChannel {
  return {
    id: 'c1', name: 'On-call', kind: 'email', target: 'oncall@example.com', createdAt: '2026-11-20T09:00:00Z',
    health: { lastAttemptAt: null, lastOk: null, lastError: null, failedLast24h: 0, pending: 0 },
    ...overrides,
  };
}
