/**
 * /api/auth: login (rate limited per IP and username, and braked per IP across usernames), logout, me, password
 * change.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE, actorFromToken } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppDeps } from '../../deps.ts';
import { changePassword, login, logout, me } from './service.ts';
import { accountsRoutes } from './accountsRoutes.ts';
import { LoginThrottle, THROTTLE_DEFAULTS } from './loginThrottle.ts';
import { publishSessionEnd } from '../../platform/events/sessions.ts';
import { demoLoaded } from '../registry/index.ts';
import { errorResponses, okBody } from '../../platform/http/responses.ts';
import { accountBody } from './responseSchemas.ts';

/** Registers the auth routes. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const { db, clock, config } = deps;
    const throttle = new LoginThrottle({ ...THROTTLE_DEFAULTS, freeFailures: config.loginIpFreeFailures });
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log in with username and password; sets the session cookie',
          body: z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
          response: { 200: accountBody, ...errorResponses },
        },
        config: {
          rateLimit: {
            max: config.loginMaxPerMinute,
            timeWindow: 60_000,
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
          },
        },
      },
      async (req, reply) => {
        const attempt = throttle.begin(req.ip, clock().getTime());
        if (attempt.waitMs > 0) {
          const seconds = Math.ceil(attempt.waitMs / 1000);
          reply.header('retry-after', String(seconds));
          throw new AppError('RATE_LIMITED', { params: { seconds } });
        }
        const r = await login(db, req.body.username, req.body.password, clock(), req.ip);
        throttle.succeeded(req.ip, attempt.ticket);
        reply.setCookie(SESSION_COOKIE, r.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          // https as seen by the client (X-Forwarded-Proto counts only from a trusted proxy, LINLI_TRUST_PROXY)
          secure: config.cookieSecure || req.protocol === 'https',
          expires: r.expiresAt,
        });
        const actor = await actorFromToken(db, r.token, clock());
        if (!actor) throw new AppError('INTERNAL');
        return { account: await me(db, actor) };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'End the current session', response: { 200: okBody, ...errorResponses } } },
      async (req, reply) => {
        const actor = requireActor(req);
        await logout(db, actor, req.ip);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        await publishSessionEnd(deps.events, { accountId: actor.accountId, sessionId: actor.sessionId });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The logged-in account, its scope and CSRF token',
          response: { 200: accountBody, ...errorResponses },
        },
      },
      async (req) => {
        return { account: await me(db, requireActor(req)) };
      },
    );

    app.get(
      '/api/auth/demo',
      {
        schema: {
          tags: ['auth'],
          summary: 'Whether the demo (and its published-password accounts) is loaded',
          response: { 200: z.object({ demo: z.boolean() }), ...errorResponses },
        },
      },
      async () => {
        // The login page lists the demo accounts only where they exist, never on a real installation.
        return { demo: await demoLoaded(db) };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change the password (ends other sessions)',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
          response: { 200: okBody, ...errorResponses },
        },
        config: {
          // The current-password check is a password oracle for whoever holds a session: limit it like login.
          rateLimit: {
            max: config.loginMaxPerMinute,
            timeWindow: 60_000,
            keyGenerator: (req) => `pw|${req.actor?.accountId ?? req.ip}`,
          },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await changePassword(db, actor, req.body.currentPassword, req.body.newPassword, req.ip);
        await publishSessionEnd(deps.events, { accountId: actor.accountId, exceptSessionId: actor.sessionId });
        return { ok: true as const };
      },
    );

    await app.register(accountsRoutes(deps));
  };
}
