/** Resident home: my household and members (masked by the server), my grid worker with a call button, my community. */
import { ElderAsk } from './ElderAsk.tsx';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import type { GridResponse, HouseholdResponse, PlaceResponse, Resident } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { Link } from '../../app/router.tsx';
import { useElderMode } from '../../app/prefs.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { addressOf, placeName } from '../../lib/format.ts';
import { ElderToggle } from './ElderToggle.tsx';
import { CasesHomeCard, LIVING_ALONE } from '../cases/resident/CasesHomeCard.tsx';
import { NearbyCard } from './NearbyCard.tsx';
import { NoticesHomeCard } from '../notices/NoticesHomeCard.tsx';

/** A phone number can be dialled only when the server gave it unmasked. */
function dialable(phone: string | null): phone is string {
  return !!phone && /^\+?\d{5,15}$/.test(phone);
}

function Member({ r }: { r: Resident }) {
  const { t } = useTranslation();
  if (r.protected) return <li className="r-member">{t('resident.protected')}</li>;
  const rel = r.relation ? t(`person.relations.${r.relation}`, { defaultValue: r.relation }) : '';
  return (
    <li className="r-member">
      <span className="r-member-name">{r.name}</span>
      <span className="muted">
        {[rel, r.age !== null ? t('resident.age', { age: r.age }) : null].filter(Boolean).join(' · ')}
      </span>
      {r.phone && <span className="r-member-phone">{r.phone}</span>}
    </li>
  );
}

/** The page. */
export default function ResidentHome() {
  const { t } = useTranslation();
  const account = useAccount();
  const elder = useElderMode();
  const hh = useAsync(
    () => (account.householdId ? get<HouseholdResponse>(`/api/households/${account.householdId}`) : undefined),
    [account.householdId],
  );
  const gridCode = hh.data?.household.gridCode;
  const communityCode = hh.data?.household.communityCode;
  const grid = useAsync(() => (gridCode ? get<GridResponse>(`/api/grids/${gridCode}`) : undefined), [gridCode]);
  const community = useAsync(
    () => (communityCode ? get<PlaceResponse>(`/api/places/${communityCode}`) : undefined),
    [communityCode],
  );

  const h = hh.data?.household;
  const me = hh.data?.residents.find((r) => r.id === account.residentId);
  const canHelp = account.role === 'resident' && !!me?.tags.includes(LIVING_ALONE);
  return (
    <div className="r-home" data-testid="resident-home">
      <h1 className="r-hello">{t('resident.hello', { name: account.displayName })}</h1>
      <ElderAsk />
      {account.role === 'resident' && <CasesHomeCard canHelp={canHelp} worker={grid.data?.workers[0]} />}
      {account.role === 'resident' && <NoticesHomeCard />}
      {account.role === 'resident' && account.residentId && (
        <section className="card">
          <Link className="btn btn-block" to="/me/volunteer" data-testid="volunteer-link">
            {t('cobuild.me.homeCard')}
          </Link>
        </section>
      )}
      {!elder && (
        <section className="card r-elder-card">
          <p className="para">{t('resident.elderModeDesc')}</p>
          <ElderToggle />
        </section>
      )}

      <section className="card" aria-labelledby="hh-title">
        <h2 id="hh-title">{t('resident.myHousehold')}</h2>
        {!account.householdId && <p className="para">{t('resident.noHousehold')}</p>}
        {hh.error && (
          <p className="alert alert-error" role="alert">
            {hh.error.message}
          </p>
        )}
        {hh.loading && <p className="para muted">{t('app.loading')}</p>}
        {h && (
          <>
            <p className="para">
              <span className="r-label">{t('resident.address')}</span>
              {addressOf(h)}
            </p>
            <p className="para r-label">{t('resident.memberCount', { count: hh.data?.residents.length ?? 0 })}</p>
            <ul className="r-members">
              {hh.data?.residents.map((r) => (
                <Member key={r.id} r={r} />
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="grid-title">
        <h2 id="grid-title">{t('resident.myGrid')}</h2>
        {grid.error && (
          <p className="alert alert-error" role="alert">
            {grid.error.message}
          </p>
        )}
        {grid.data && (
          <>
            <p className="para r-big">{placeName(grid.data.grid)}</p>
            {grid.data.workers.map((w) => (
              <div key={w.displayName} className="r-worker" data-testid="grid-worker-card">
                <p className="para">
                  <span className="r-label">{t('resident.gridWorker')}</span>
                  {w.displayName}
                </p>
                {dialable(w.phone) ? (
                  <a className="btn btn-primary btn-block r-call" href={`tel:${w.phone}`}>
                    <span aria-hidden="true">☎</span> {t('resident.call', { phone: w.phone })}
                  </a>
                ) : (
                  <p className="para muted">{w.phone ?? t('resident.noPhone')}</p>
                )}
              </div>
            ))}
          </>
        )}
      </section>

      {h?.buildingId && communityCode && (
        <NearbyCard communityCode={communityCode} buildingId={h.buildingId} elderly={elder || (me?.age ?? 0) >= 60} />
      )}

      <section className="card" aria-labelledby="community-title">
        <h2 id="community-title">{t('resident.myCommunity')}</h2>
        {community.data && <p className="para r-big">{placeName(community.data.place)}</p>}
        {community.error && (
          <p className="alert alert-error" role="alert">
            {community.error.message}
          </p>
        )}
      </section>

      <Link className="btn btn-block r-settings" to="/me/consult" data-testid="consult-link">
        🗳 {t('consult.title')}
      </Link>
      <Link className="btn btn-block r-settings" to="/me/settings" data-testid="settings-link">
        ⚙ {t('resident.settings')}
      </Link>
    </div>
  );
}
