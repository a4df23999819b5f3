/** The session: who is logged in, as told by GET /api/auth/me, shared through React context. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, get, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import type { Account } from '../api/types.ts';
import { setElderMode } from './prefs.ts';

/** What components can read and do about the session. */
export interface AuthState {
  /** undefined while the first /me is in flight, null when logged out. */
  account: Account | null | undefined;
  login(username: string, password: string): Promise<Account>;
  logout(): Promise<void>;
  /** Reads /api/auth/me again (after a password change clears `mustChangePassword`). */
  refresh(): Promise<void>;
  /** Turns elder mode on or off on this device and, when logged in, keeps it as the person's choice. */
  chooseElderMode(on: boolean): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Provides {@link AuthState} to the tree. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  const set = useCallback((a: Account | null) => {
    setCsrfToken(a?.csrfToken ?? null);
    setAccount(a);
    // The person's elder-mode setting follows them to every phone they sign in on.
    if (a?.elderMode !== undefined) setElderMode(a.elderMode);
  }, []);

  useEffect(() => {
    let live = true;
    get<{ account: Account }>('/api/auth/me')
      .then((r) => live && set(r.account))
      .catch((e: unknown) => {
        if (!live) return;
        // A network failure is not a logout, but we cannot show anything useful either.
        if (e instanceof ApiError) set(null);
      });
    const off = onUnauthenticated(() => set(null));
    return () => {
      live = false;
      off();
    };
  }, [set]);

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await api<{ account: Account }>('POST', '/api/auth/login', { username, password });
      set(r.account);
      return r.account;
    },
    [set],
  );

  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      set(null);
    }
  }, [set]);

  const refresh = useCallback(async () => {
    set((await get<{ account: Account }>('/api/auth/me')).account);
  }, [set]);

  const chooseElderMode = useCallback(
    async (on: boolean) => {
      setElderMode(on);
      if (account) set((await api<{ account: Account }>('PUT', '/api/auth/preferences', { elderMode: on })).account);
    },
    [account, set],
  );

  const value = useMemo(
    () => ({ account, login, logout, refresh, chooseElderMode }),
    [account, login, logout, refresh, chooseElderMode],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session; must be used under {@link AuthProvider}. */
export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The logged-in account; for pages that are only rendered after login. */
export function useAccount(): Account {
  const { account } = useAuth();
  if (!account) throw new Error('useAccount before login');
  return account;
}

/** The page a role lands on after login. */
export function homeFor(a: Account): string {
  if (a.role === 'resident') return '/me';
  if (a.role === 'auditor') return '/audit';
  if (a.role === 'grid_worker') return '/cases'; // 我的待办: the worker's day starts with the queue, not the map
  if (a.role === 'shop_staff') return '/shop/till';
  return '/map';
}
