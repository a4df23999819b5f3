/** Small display helpers shared by pages. */
import i18n from '../i18n/index.ts';

/** A place's name in the current language (English name when there is one). */
export function placeName(p: { name: string; nameEn?: string | null }): string {
  return i18n.language === 'en' && p.nameEn ? p.nameEn : p.name;
}

/** A household's address line: building, unit, room. */
export function addressOf(h: { buildingName: string; unit: string; room: string }): string {
  return [
    h.buildingName,
    h.unit ? i18n.t('household.unitN', { unit: h.unit }) : '',
    h.room ? i18n.t('household.roomN', { room: h.room }) : '',
  ]
    .filter(Boolean)
    .join(i18n.language === 'en' ? ', ' : ' ');
}

/** Local date-time for an ISO instant. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
}
