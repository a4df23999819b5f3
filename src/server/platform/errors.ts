/**
 * One error type for the whole server. Expected rule failures inside `domain/` are values; services turn them
 * into an {@link AppError} when a request has to stop. The HTTP layer maps `code` → status and localised message.
 */
import { messages, type ErrorCode } from './messages.ts';

export type { ErrorCode } from './messages.ts';

/** An error a user may see: a stable code, optional details (row numbers, field names), and an HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** Values interpolated into the localised message as `{name}`. */
  readonly params: ErrorParams;

  constructor(code: ErrorCode, opts: { details?: unknown; params?: ErrorParams } = {}) {
    super(`${code}: ${fill(messages[code].en, opts.params ?? {}, 'en')}`);
    this.name = 'AppError';
    this.code = code;
    this.status = messages[code].status;
    this.details = opts.details;
    this.params = opts.params ?? {};
  }
}

/** Message parameters; a value may itself be localised (e.g. a validation detail in both languages). */
export type ErrorParams = Record<string, string | number | { zh: string; en: string }>;

/** The user's language; zh-CN unless they chose English. */
export type Lang = 'zh-CN' | 'en';

/** Localised text of an error code, with `{param}` placeholders filled. */
export function errorMessage(code: ErrorCode, lang: Lang, params: ErrorParams = {}): string {
  const m = messages[code];
  return fill(lang === 'en' ? m.en : m.zh, params, lang);
}

function fill(template: string, params: ErrorParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    return typeof v === 'object' ? (lang === 'en' ? v.en : v.zh) : String(v);
  });
}

/** Picks the response language from `?lang=`, the `linli_lang` cookie or Accept-Language (zh-CN by default). */
export function pickLang(query: unknown, cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const q = typeof query === 'object' && query !== null ? (query as Record<string, unknown>).lang : undefined;
  for (const v of [q, cookie]) {
    if (v === 'en' || v === 'zh-CN') return v;
  }
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en';
  return 'zh-CN';
}
