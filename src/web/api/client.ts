/**
 * The one way the web app talks to the server: same-origin cookies, the CSRF header on writes, and
 * `{error:{code,message}}` turned into an {@link ApiError} whose message is already in the user's language
 * (the server reads the `linli_lang` cookie set by the language switch).
 */

/** An error returned by the API; `message` is localised by the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** Remember the CSRF token of the logged-in account (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Listeners told when any request comes back 401 (the session ended). */
const unauthenticatedListeners = new Set<() => void>();

/** Subscribe to "session ended"; returns the unsubscribe function. */
export function onUnauthenticated(fn: () => void): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Build a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/**
 * Perform a request. `body` may be a plain object (sent as JSON) or FormData (multipart); `extraHeaders`
 * adds headers such as `Idempotency-Key`.
 * @throws ApiError on any non-2xx answer; on a network failure, ApiError with status 0 and code NETWORK.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const err = (json as ErrorBody | undefined)?.error;
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') {
      for (const fn of unauthenticatedListeners) fn();
    }
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
  }
  return json as T;
}

/** GET shorthand. */
export const get = <T>(path: string): Promise<T> => api<T>('GET', path);
