import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/schemas';
import { setDisplayTimeZone } from '../format';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface Session {
  state: SessionState;
  /** Reloads who is signed in, after a sign-in, sign-out or tenant switch. */
  refresh: () => Promise<void>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const session = await api.session();
    setDisplayTimeZone(session.me?.tenant?.timeZone);
    setState(session.me ? { status: 'signed-in', me: session.me } : { status: 'anonymous' });
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  const value = useMemo<Session>(() => ({
    state,
    refresh,
    can: (permission) => state.status === 'signed-in' && state.me.permissions.includes(permission),
  }), [state, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}
