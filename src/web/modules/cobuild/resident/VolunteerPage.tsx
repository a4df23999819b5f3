/**
 * A resident's volunteering (phone, elder mode): become a volunteer, the time-bank balance, activities open for
 * sign-up (with the waiting list) and my activities, with links to check in and to my hours.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi, hours } from '../../../api/cobuild.ts';
import { useAccount } from '../../../app/auth.tsx';
import { Link } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { currentLang } from '../../../i18n/index.ts';
import { formatShanghai } from '../../../../shared/time.ts';

/** A start time in Beijing time, in the reader's language. */
export const when = (iso: string) => formatShanghai(iso, currentLang());

/** The page. */
export default function VolunteerPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const community = account.scope?.code.slice(0, 12) ?? '';
  const me = useAsync(() => cobuildApi.me(), []);
  const list = useAsync(() => (community ? cobuildApi.activities(community) : undefined), [community]);
  const [error, setError] = useState<string | null>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    me.reload();
    list.reload();
  };
  const v = me.data?.volunteer;
  const mine = new Map((me.data?.activities ?? []).map((a) => [a.id, a]));
  return (
    <div data-testid="volunteer-page">
      <h1 className="r-hello">{t('cobuild.me.title')}</h1>
      {error && (
        <p className="alert alert-error" role="alert" data-testid="volunteer-error">
          {error}
        </p>
      )}
      {me.data && !v && (
        <section className="card">
          <p className="para">{t('cobuild.me.becomeHint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-block"
            data-testid="become-volunteer"
            onClick={() => void act(() => cobuildApi.become())}
          >
            {t('cobuild.me.become')}
          </button>
        </section>
      )}
      {v && (
        <section className="card">
          <p className="para">
            <span className="r-label">{t('cobuild.me.balance')}</span>
            <span className="r-big" data-testid="balance">
              {t('cobuild.me.hours', { h: hours(v.balanceMinutes) })}
            </span>
          </p>
          <div className="c-row">
            <Link className="btn c-grow" to="/me/volunteer/check" data-testid="check-link">
              {t('cobuild.me.checkIn')}
            </Link>
            <Link className="btn c-grow" to="/me/volunteer/hours" data-testid="hours-link">
              {t('cobuild.me.myHours')}
            </Link>
          </div>
        </section>
      )}
      {v && (
        <section className="card" aria-labelledby="upcoming">
          <h2 id="upcoming">{t('cobuild.me.upcoming')}</h2>
          {(list.data?.activities ?? []).length === 0 && <p className="para muted">{t('cobuild.me.none')}</p>}
          <ul className="r-members">
            {(list.data?.activities ?? []).map((a) => {
              const m = mine.get(a.id);
              return (
                <li key={a.id} className="r-member" data-testid="activity">
                  <span className="r-member-name">{a.title}</span>
                  <span className="muted">
                    {when(a.startsAt)} · {a.placeName} ·{' '}
                    {t('cobuild.activity.confirmed', { n: a.confirmed, cap: a.capacity })}
                  </span>
                  {m ? (
                    <>
                      <span className="r-state">
                        {m.checkedOutAt
                          ? t('cobuild.me.checkedOut')
                          : m.checkedInAt
                            ? t('cobuild.me.checkedIn')
                            : m.signup === 'waiting'
                              ? t('cobuild.me.waitingList')
                              : t('cobuild.me.confirmed')}
                      </span>
                      {!m.checkedInAt && (
                        <button type="button" className="btn" onClick={() => void act(() => cobuildApi.cancel(a.id))}>
                          {t('cobuild.me.cancel')}
                        </button>
                      )}
                    </>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-primary"
                      data-testid="sign-up"
                      onClick={() => void act(() => cobuildApi.signUp(a.id))}
                    >
                      {t('cobuild.me.signUp')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
