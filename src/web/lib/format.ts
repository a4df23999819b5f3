/** Small display helpers shared by pages. */
import i18n from '../i18n/index.ts';
import { formatShanghai } from '../../shared/time.ts';

/** A place's name in the current language (English name when there is one). */
export function placeName(p: { name: string; nameEn?: string | null }): string {
  return i18n.language === 'en' && p.nameEn ? p.nameEn : p.name;
}

/** A household's address line: building, unit, room. */
export function addressOf(h: { buildingName: string | null; unit: string; room: string }): string {
  return [
    h.buildingName,
    h.unit ? i18n.t('household.unitN', { unit: h.unit }) : '',
    h.room ? i18n.t('household.roomN', { room: h.room }) : '',
  ]
    .filter(Boolean)
    .join(i18n.language === 'en' ? ', ' : ' ');
}

/** Date-time of an ISO instant in Shanghai time (whatever the browser's zone). */
export function dateTime(iso: string): string {
  return formatShanghai(iso, i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Hour and minute of an ISO instant in Shanghai time. */
export function timeOfDay(iso: string): string {
  return formatShanghai(iso, i18n.language === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' });
}
