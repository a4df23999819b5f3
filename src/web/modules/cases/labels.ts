/**
 * Display helpers for cases: every status and level spelled in words with a symbol (colour is never the only
 * signal), deadlines as text, category names in the current language.
 */
import i18n from '../../i18n/index.ts';
import { formatShanghai } from '../../../shared/time.ts';
import { OPEN_STATUSES } from '../../../server/modules/cases/domain/status.ts';
import type { CaseCategory, CaseLevel, CaseStatus, CaseView } from '../../api/cases.ts';

/** A symbol per status, shown before its name. */
const STATUS_ICON: Record<CaseStatus, string> = {
  registered: '●',
  dispatched: '➜',
  handling: '⚙',
  resolved: '✔',
  closed: '■',
  evaluated: '★',
  cancelled: '✕',
  merged: '⇉',
};

/** "⚙ 处置中" */
export function statusText(s: CaseStatus): string {
  return `${STATUS_ICON[s] ?? ''} ${i18n.t(`cases.status.${s}`)}`;
}

/** "网格" / "社区" … */
export function levelText(l: CaseLevel): string {
  return i18n.t(`cases.level.${l}`);
}

/** A category's display name. */
export function categoryName(c: Pick<CaseCategory, 'name' | 'nameEn'>): string {
  return i18n.language === 'en' ? c.nameEn : c.name;
}

/** Short date-time in Shanghai time (whatever the browser's zone). */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatShanghai(iso, i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The deadline that matters now: accept-by while waiting for 签收, else resolve-by. */
export function nextDeadline(c: CaseView): string | null {
  if (c.status === 'dispatched' || c.status === 'registered') return c.acceptBy ?? c.resolveBy ?? null;
  if (c.status === 'handling') return c.resolveBy ?? null;
  return null;
}

/** "剩 3 小时" / "已超时 2 小时" relative to `now`. */
export function deadlineText(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const mins = Math.round(abs / 60_000);
  const span =
    mins < 60
      ? i18n.t('cases.minutes', { count: mins })
      : mins < 48 * 60
        ? i18n.t('cases.hours', { count: Math.round(mins / 60) })
        : i18n.t('cases.days', { count: Math.round(mins / 1440) });
  return ms >= 0 ? i18n.t('cases.dueIn', { span }) : i18n.t('cases.overdueBy', { span });
}

/** Whether a case still waits for the handlers. */
export function isOpen(s: CaseStatus): boolean {
  return OPEN_STATUSES.includes(s);
}

/**
 * An OpenStreetMap / Amap link that opens a point in a map app (Amap takes GCJ-02; we pass WGS-84 with
 * coordinate=wgs84).
 */
export function navigateUrl(lon: number, lat: number, name: string): string {
  const query = `position=${lon},${lat}&name=${encodeURIComponent(name)}&coordinate=wgs84&callnative=1`;
  return `https://uri.amap.com/marker?${query}`;
}
