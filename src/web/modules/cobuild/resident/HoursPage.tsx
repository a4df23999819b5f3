/** My service hours (phone, elder mode): balance, yearly summaries with certificate downloads, the ledger. */
import { useTranslation } from 'react-i18next';
import { cobuildApi, hours } from '../../../api/cobuild.ts';
import { useAsync } from '../../../lib/useAsync.ts';
import { when } from './VolunteerPage.tsx';

/** The page. */
export default function HoursPage() {
  const { t } = useTranslation();
  const l = useAsync(() => cobuildApi.myHours(), []);
  return (
    <div data-testid="hours-page">
      <h1 className="r-hello">{t('cobuild.hours.title')}</h1>
      {l.error && (
        <p className="alert alert-error" role="alert">
          {l.error.message}
        </p>
      )}
      {l.data && (
        <>
          <section className="card">
            <p className="para">
              <span className="r-label">{t('cobuild.me.balance')}</span>
              <span className="r-big" data-testid="hours-balance">
                {t('cobuild.me.hours', { h: hours(l.data.balanceMinutes) })}
              </span>
            </p>
            {l.data.years.map((y) => (
              <div key={y.year}>
                <p className="para" data-testid="year-summary">
                  {t('cobuild.hours.year', {
                    y: y.year,
                    a: y.activities,
                    h: hours(y.servedMinutes),
                    r: hours(y.redeemedMinutes),
                  })}
                </p>
                <a
                  className="btn btn-block"
                  href={`/api/cobuild/me/certificate?year=${y.year}`}
                  download
                  data-testid="certificate"
                >
                  {t('cobuild.hours.certificate', { y: y.year })}
                </a>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="ledger">
            <h2 id="ledger">{t('cobuild.hours.ledger')}</h2>
            {l.data.rows.length === 0 && <p className="para muted">{t('cobuild.me.none')}</p>}
            <ul className="r-members">
              {[...l.data.rows].reverse().map((r) => (
                <li key={r.id} className="r-member" data-testid="ledger-row">
                  <span className="r-member-name">
                    {t(`cobuild.hours.kinds.${r.kind}`)} {r.minutes > 0 ? '+' : ''}
                    {t('cobuild.hours.minutes', { m: r.minutes })}
                  </span>
                  <span className="muted">
                    {when(r.at)} · {r.activityTitle ?? r.note}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
