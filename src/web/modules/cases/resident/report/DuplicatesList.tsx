/** Cases like this one nearby, each with a "me too" button. */
import { useTranslation } from 'react-i18next';
import type { DuplicateCase } from '../../../../api/cases.ts';

/** Props: the duplicates, what "me too" does, and which one is being supported (all buttons wait meanwhile). */
export function DuplicatesList({
  items,
  onSupport,
  busyId,
}: {
  items: DuplicateCase[];
  onSupport(id: string): void;
  busyId: string | null;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section className="card c-dups" aria-labelledby="dups-title" data-testid="duplicates">
      <h2 id="dups-title">{t('cases.report.dupTitle', { count: items.length })}</h2>
      <p className="para">{t('cases.report.dupHint')}</p>
      <ul className="c-list">
        {items.map((d) => (
          <li key={d.id} className="c-dup">
            <p className="para">
              <b>{d.categoryName}</b> · {t('cases.report.metersAway', { m: Math.round(d.distanceM) })}
              {d.supporters > 0 ? ` · ${t('cases.supporters', { count: d.supporters })}` : ''}
            </p>
            <p className="para">{d.description}</p>
            <button
              type="button"
              className="btn btn-block"
              disabled={busyId !== null}
              onClick={() => onSupport(d.id)}
              data-testid="me-too"
            >
              ＋ {t('cases.report.meToo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
