/**
 * Maps every error to `{ error: { code, message, details? } }` with the message in the request's language.
 * Client mistakes become 4xx with a specific code; only genuine faults become 500 (and are logged).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import * as zodLocales from 'zod/locales';
import { AppError, errorMessage, pickLang, type ErrorCode, type Lang } from '../errors.ts';
import { errFields } from '../log.ts';
import { DB_RETRY_AFTER_S, isDbUnavailable } from '../db/availability.ts';

/** The language of a request (query `lang`, cookie `linli_lang`, Accept-Language). */
export function langOf(req: FastifyRequest): Lang {
  return pickLang(req.query, req.cookies?.linli_lang, req.headers['accept-language']);
}

/** Sends an AppError as the standard body. */
export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const lang = langOf(req);
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = {
    error: { code: err.code, message: errorMessage(err.code, lang, err.params) },
  };
  if (err.details !== undefined) body.error.details = err.details;
  // A client (or proxy) that sees 503 knows when to try again; nothing was written by the failed request.
  if (err.code === 'DB_UNAVAILABLE') reply.header('retry-after', String(DB_RETRY_AFTER_S));
  return reply.status(err.status).type('application/json; charset=utf-8').send(body);
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

const zhLocale = zodLocales.zhCN().localeError;

/**
 * A zod issue in the user's language: English keeps the schema's own (possibly custom) text; Chinese uses zod's
 * zh-CN locale.
 */
function issueText(issue: unknown, message: string, lang: 'zh' | 'en'): string {
  if (lang === 'en' || !issue || typeof zhLocale !== 'function') return message;
  const t = zhLocale(issue as Parameters<typeof zhLocale>[0]);
  const text = typeof t === 'string' ? t : (t?.message ?? message);
  return text.replace(/，实际接收 undefined$/, ''); // fastify's issues carry no input value to name its type
}

/** Database errors a request can cause (a race lost to a unique key, a bad value past validation). */
const pgCodes: Record<string, ErrorCode> = {
  '23505': 'CONFLICT',
  '23503': 'CONFLICT',
  '40001': 'CONFLICT',
  '40P01': 'CONFLICT',
  '23514': 'VALIDATION_FAILED',
  '22P02': 'VALIDATION_FAILED',
  '22007': 'VALIDATION_FAILED',
  '22008': 'VALIDATION_FAILED',
  '22001': 'VALIDATION_FAILED',
  '22003': 'VALIDATION_FAILED', // a number past the column's range
  '22021': 'INVALID_TEXT', // a byte sequence the encoding cannot hold (NUL); the input guard refuses it first
  '22P05': 'INVALID_TEXT', // an unpaired surrogate or \u0000 in jsonb; likewise
};

/** The multipart parser's (busboy's) errors for a truncated or malformed upload: plain Errors without a code. */
const BUSBOY_ERRORS = new Set([
  'Unexpected end of multipart data',
  'Malformed part header',
  'Multipart: Boundary not found',
  'Unsupported Content-Type.',
]);
/** busboy names the truncated part: "<Part> terminated early due to unexpected end of multipart data". */
const BUSBOY_TRUNCATED = /^.+ terminated early due to unexpected end of multipart data$/;

/** Turns anything thrown in a route into an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDbUnavailable(error)) return new AppError('DB_UNAVAILABLE');
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation.slice(0, 5);
    const line = (lang: 'zh' | 'en') =>
      first
        .map((v) =>
          `${v.instancePath || '/'} ${issueText({ ...v.params, code: v.keyword }, v.message ?? '', lang)}`.trim(),
        )
        .join('; ');
    return new AppError('VALIDATION_FAILED', {
      params: { detail: { zh: line('zh'), en: line('en') } },
      details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    });
  }
  const fe = error as Partial<FastifyError> & { statusCode?: number };
  const pgCode = typeof fe.code === 'string' && /^[0-9A-Z]{5}$/.test(fe.code) ? pgCodes[fe.code] : undefined;
  if (pgCode) {
    if (pgCode === 'VALIDATION_FAILED') return new AppError(pgCode, { params: { detail: 'constraint' } });
    if (pgCode === 'INVALID_TEXT') return new AppError(pgCode, { params: { where: 'input' } });
    return new AppError(pgCode);
  }
  if (!fe.code && error instanceof Error && (BUSBOY_ERRORS.has(error.message) || BUSBOY_TRUNCATED.test(error.message)))
    return new AppError('BAD_REQUEST');
  const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError && fe.statusCode === 400) return new AppError('INVALID_JSON');
  if (fe.statusCode === 413) return new AppError('BODY_TOO_LARGE');
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { params: { seconds: 60 } });
  if (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('BAD_REQUEST', { details: fe.message });
  }
  return new AppError('INTERNAL');
}

/**
 * Installs the error and not-found handlers on an app. `fallback` may answer an unknown GET itself (the web
 * app's index.html for client-side routes); API paths always get ROUTE_NOT_FOUND.
 */
export function installErrorHandling(
  app: FastifyInstance,
  fallback?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void {
  app.setErrorHandler((error, req, reply) => {
    const appErr = toAppError(error);
    if (appErr.code === 'DB_UNAVAILABLE')
      req.log.warn(
        { component: 'http', event: 'db_unavailable', err: errFields(error), url: req.routeOptions.url },
        'database unavailable: answered 503',
      );
    else if (appErr.status >= 500) req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, appErr);
  });
  app.setNotFoundHandler(
    (req, reply) => fallback?.(req, reply) ?? sendError(req, reply, new AppError('ROUTE_NOT_FOUND')),
  );
}
