/**
 * Options of the cases module (local rules as data): catalogue, calendar, limits. Defaults follow
 * docs/domain.md §3.
 */
import { DEFAULT_CATEGORIES, type Category } from './domain/categories.ts';
import { makeCalendar, type WorkCalendar } from './domain/calendar.ts';
import { DUPLICATE_DAYS, DUPLICATE_RADIUS_M } from './domain/duplicates.ts';

/** Everything configurable about case handling. */
export interface CasesOptions {
  categories: readonly Category[];
  calendar: WorkCalendar;
  duplicateRadiusM: number;
  duplicateDays: number;
  /** Reports per account and per IP within `rateWindowMs`. */
  ratePerAccount: number;
  ratePerIp: number;
  rateWindowMs: number;
  maxPhotos: number;
  /** Largest accepted photo before re-encoding, bytes. */
  maxPhotoBytes: number;
  /** Longest side after re-encoding, pixels. */
  photoMaxSide: number;
  /** Scheduler period (ms); 0 disables the timer (tests call tick()). */
  schedulerIntervalMs: number;
  /** Open311 Service Discovery: who to contact, and how a developer gets an API key. */
  open311: { contact: string; keyService: string };
}

/** Default options. */
export function defaultCasesOptions(): CasesOptions {
  return {
    categories: DEFAULT_CATEGORIES,
    calendar: makeCalendar(),
    duplicateRadiusM: DUPLICATE_RADIUS_M,
    duplicateDays: DUPLICATE_DAYS,
    ratePerAccount: 20,
    ratePerIp: 120,
    rateWindowMs: 60_000,
    maxPhotos: 6,
    maxPhotoBytes: 8 * 1024 * 1024,
    photoMaxSide: 1600,
    schedulerIntervalMs: 5_000,
    open311: {
      contact: '社区服务中心（Community service centre）',
      keyService: '向社区服务中心申请 API key；运维人员用 `linli open311-key <name> --community <code>` 创建',
    },
  };
}
