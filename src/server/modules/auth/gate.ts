/**
 * First-login password change: an account whose password was set by someone else (created or reset by an
 * administrator) may only read who it is, change the password and log out until it has chosen its own; every
 * other API request answers 403 PASSWORD_CHANGE_REQUIRED, which the web app turns into the change-password form.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/** Routes (method + URL pattern) still open to such an account; public ones need no session anyway. */
const OPEN = new Set([
  'GET /api/auth/me',
  'HEAD /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'POST /api/auth/login',
  'GET /api/settings',
]);

/** Adds the gate; must run after the actor is resolved (installActor). */
export function installPasswordChangeGate(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (!req.actor?.mustChangePassword) return;
    const path = req.url.split('?')[0] ?? '';
    // The web app's own files and the public Open311 API do not act as the session's account.
    if (!path.startsWith('/api/')) return;
    if (OPEN.has(`${req.method} ${req.routeOptions.url ?? path}`)) return;
    throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });
}
