/** Public page (no login, phone-first, elder mode): what each partner unit did — its completed projects. */
import { useTranslation } from 'react-i18next';
import { cobuildApi } from '../../api/cobuild.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { currentLang } from '../../i18n/index.ts';
import { formatShanghai } from '../../../shared/time.ts';

/** The page; `params.code` is the community code. */
export default function PublicUnitsPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const code = params.code ?? '';
  const d = useAsync(() => cobuildApi.publicUnits(code), [code]);
  return (
    <div data-testid="public-cobuild">
      <h1 className="r-hello">
        {d.data?.community.name ?? ''} {t('cobuild.pub.title')}
      </h1>
      {d.error && (
        <p className="alert alert-error" role="alert">
          {d.error.message}
        </p>
      )}
      {d.data && d.data.units.length === 0 && <p className="card">{t('cobuild.pub.none')}</p>}
      {d.data?.units.map((u) => (
        <section key={u.id} className="card" data-testid="public-unit">
          <h2>{u.name}</h2>
          <p className="para muted">
            {t(`cobuild.kinds.${u.kind}`)} · {t('cobuild.pub.projectsDone', { n: u.projectsDone })}
          </p>
          {u.description && <p className="para">{u.description}</p>}
          <ul className="r-members">
            {u.projects.map((p) => (
              <li key={`${p.title}-${p.completedAt}`} className="r-member">
                <span className="r-member-name">{p.title}</span>
                <span className="muted">
                  {t(`cobuild.categories.${p.category}`)}
                  {p.completedAt ? ` · ${formatShanghai(p.completedAt, currentLang(), { dateStyle: 'medium' })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
