/**
 * A very small history router: the app has a handful of routes and needs nothing more than the path,
 * the query string, `navigate()` and `<Link>`. Keeping it here avoids a dependency on the resident's first load.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const EVENT = 'linli:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(EVENT, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(EVENT, fn);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** Current location as `{ path, query }`; re-renders on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const loc = useSyncExternalStore(subscribe, snapshot, () => '/');
  const i = loc.indexOf('?');
  return { path: i < 0 ? loc : loc.slice(0, i), query: new URLSearchParams(i < 0 ? '' : loc.slice(i)) };
}

/** Go to `to` (same origin). `replace` swaps the history entry instead of adding one. */
export function navigate(to: string, replace = false): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(EVENT));
}

/**
 * Match `path` against a pattern like `/households/:id`; returns the params or null.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const a = p[i] ?? '';
    const b = s[i] ?? '';
    if (a.startsWith(':')) params[a.slice(1)] = decodeURIComponent(b);
    else if (a !== b) return null;
  }
  return params;
}

/** An `<a>` that navigates without reloading (ctrl/middle-click still open a new tab). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children?: ReactNode }) {
  const { to, onClick, ...rest } = props;
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
