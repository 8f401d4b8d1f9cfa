// Who is logged in, read once from `GET /api/v1/session` and refreshed on demand.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, type Session } from './api.ts';

type SessionState = {
  /** Undefined while the first answer is awaited. */
  session: Session | undefined;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

const ANONYMOUS: Session = { authenticated: false };

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const refresh = useCallback(async () => {
    // Without a session endpoint (or offline), the public pages still work as for a visitor.
    const next = await api.session().catch(() => ANONYMOUS);
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const logout = useCallback(async () => {
    const { redirectTo } = await api.logout().catch(() => ({ redirectTo: '/' }));
    setCsrfToken(undefined);
    window.location.assign(redirectTo || '/');
  }, []);
  const value = useMemo(() => ({ session, refresh, logout }), [session, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionState => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
};
