/**
 * Check in or out on the phone (375 px, elder mode): the QR code at the place opens this page with the activity and
 * the code in the URL (`/me/volunteer/check?a=…&c=…`); the code can also be typed. The phone's GPS goes with it;
 * the server refuses a check-in outside the time window or the radius and says why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi, hours, type CheckResult } from '../../../api/cobuild.ts';
import { useLocation } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';

function position(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 15_000 }),
  );
}

/** The page. */
export default function CheckPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const me = useAsync(() => cobuildApi.me(), []);
  const open = (me.data?.activities ?? []).filter((a) => a.activityStatus === 'open' && a.signup === 'confirmed');
  const [picked, setPicked] = useState(query.get('a') ?? '');
  const [code, setCode] = useState(query.get('c') ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CheckResult | null>(null);
  const activity = picked || open[0]?.id || '';
  const send = async (action: 'in' | 'out') => {
    setError(null);
    setDone(null);
    setBusy(t('cobuild.check.locating'));
    try {
      const p = await position().catch(() => {
        throw new Error(t('cobuild.check.noGps'));
      });
      const r = await cobuildApi.check(activity, {
        action,
        code,
        lon: p.coords.longitude,
        lat: p.coords.latitude,
        accuracyM: p.coords.accuracy,
      });
      setDone(r);
      me.reload();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div data-testid="check-page">
      <h1 className="r-hello">{t('cobuild.check.title')}</h1>
      <section className="card">
        <label className="field">
          <span>{t('cobuild.check.activity')}</span>
          <select value={activity} onChange={(e) => setPicked(e.target.value)} data-testid="check-activity">
            {open.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} · {a.placeName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('cobuild.check.code')}</span>
          <input
            value={code}
            maxLength={12}
            autoCapitalize="characters"
            autoComplete="off"
            inputMode="text"
            onChange={(e) => setCode(e.target.value)}
            data-testid="check-code"
          />
        </label>
        <p className="para muted">{t('cobuild.check.codeHint')}</p>
        <div className="c-row">
          <button
            type="button"
            className="btn btn-primary c-grow"
            disabled={!activity || !code || !!busy}
            onClick={() => void send('in')}
            data-testid="check-in"
          >
            {t('cobuild.check.in')}
          </button>
          <button
            type="button"
            className="btn c-grow"
            disabled={!activity || !code || !!busy}
            onClick={() => void send('out')}
            data-testid="check-out"
          >
            {t('cobuild.check.out')}
          </button>
        </div>
        {busy && <p className="para muted">{busy}</p>}
        {error && (
          <p className="alert alert-error" role="alert" data-testid="check-error">
            {error}
          </p>
        )}
        {done && (
          <p className="alert alert-ok" role="status" data-testid="check-ok">
            {done.action === 'in' ? t('cobuild.check.okIn') : t('cobuild.check.okOut', { m: done.minutes ?? 0 })}
            {' · '}
            {t('cobuild.me.balance')} {t('cobuild.me.hours', { h: hours(done.balanceMinutes) })}
          </p>
        )}
      </section>
    </div>
  );
}
