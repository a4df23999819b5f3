/**
 * "Services near my home": the nearest day-care centre, clinic, market, pharmacy, kindergarten … from the
 * resident's own building, walked along the real paths (15分钟生活圈 engine), at an elderly pace for people
 * of 60+.
 * Shows metres beside minutes and says in words (not colour) whether the GB 50180 distance is met.
 */
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import type { ApiOk } from '../../api/types.ts';
import { useAsync } from '../../lib/useAsync.ts';

/** The categories a household asks about first (一老一小 and daily needs). */
const SHOWN = [
  'elderly_day_care',
  'health_station',
  'pharmacy',
  'wet_market',
  'convenience_store',
  'kindergarten',
  'primary_school',
  'park',
];

type Nearest = ApiOk<'/api/circle/{code}/buildings/{id}/nearest', 'get'>['nearest'][number];
type Category = ApiOk<'/api/circle/categories', 'get'>['categories'][number];

/**
 * Metres as shown: whole metres, except where rounding would contradict the verdict beside it (500.4 m is beyond
 * 500 m and must not read "500 米 ⚠ 超出规定的 500 米"): then rounded away from the limit.
 */
export function shownMetres(metres: number, gb: number, within: boolean): number {
  const r = Math.round(metres);
  if (!within && r <= gb) return gb + 1;
  if (within && r > gb) return gb;
  return r;
}

/** The card; renders nothing until both answers are in (or when the area has no walking network). */
export function NearbyCard({
  communityCode,
  buildingId,
  elderly,
}: {
  communityCode: string;
  buildingId: string;
  elderly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const data = useAsync(
    () => get<{ nearest: Nearest[] }>(`/api/circle/${communityCode}/buildings/${buildingId}/nearest`),
    [communityCode, buildingId],
  );
  const cats = useAsync(() => get<{ categories: Category[] }>('/api/circle/categories'), []);
  if (!data.data || !cats.data) return null;
  const profile = elderly ? 'elderly' : 'standard';
  const name = (id: string) => {
    const c = cats.data?.categories.find((x) => x.id === id);
    return c ? (i18n.language === 'en' ? c.en : c.zh) : id;
  };
  const rows = SHOWN.map((id) => data.data!.nearest.find((n) => n.category === id && n.profile === profile)).filter(
    (n): n is Nearest => !!n,
  );
  return (
    <section className="card" aria-labelledby="nearby-title" data-testid="nearby-card">
      <h2 id="nearby-title">{t('resident.nearby.title')}</h2>
      <p className="para muted">
        {t('resident.nearby.pace', {
          pace: t(elderly ? 'resident.nearby.paceElderly' : 'resident.nearby.paceStandard'),
        })}
      </p>
      <ul className="r-members">
        {rows.map((n) => (
          <li key={n.category} className="r-member">
            <span className="r-member-name">{name(n.category)}</span>
            {n.metres === null || n.minutes === null ? (
              <span className="muted">{t('resident.nearby.none')}</span>
            ) : (
              <>
                <span>{n.facilityName}</span>
                <span>
                  {t('resident.nearby.walk', {
                    minutes: Math.max(1, Math.round(n.minutes)),
                    metres: shownMetres(n.metres, n.gbMetres, n.withinGb),
                  })}
                </span>
                <span className="muted">
                  {n.withinGb ? t('resident.nearby.within') : t('resident.nearby.beyond', { gb: n.gbMetres })}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
