/** The location card: "use my location", the pick-on-map toggle (map loaded lazily), address and CRS. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crs } from '../../../../api/cases.ts';
import type { ReportDraft } from '../../drafts.ts';
import type { LocationPick } from './useLocationPick.ts';

const PickPointMap = lazy(() => import('../PickPointMap.tsx'));

/** Props: the draft's location and address, the location state, and the resident's community (for the map). */
export function LocationStep({
  location,
  address,
  onAddress,
  pick,
  communityCode,
}: {
  location: ReportDraft['location'];
  address: string;
  onAddress(address: string): void;
  pick: LocationPick;
  communityCode: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="loc-title">
      <h2 id="loc-title">{t('cases.report.location')}</h2>
      <div className="c-row">
        <button
          type="button"
          className="btn btn-primary c-grow"
          onClick={() => void pick.locate()}
          disabled={pick.locating}
          data-testid="locate"
        >
          ◎ {pick.locating ? t('cases.report.locating') : t('cases.report.useMyLocation')}
        </button>
        <button
          type="button"
          className="btn c-grow"
          aria-pressed={pick.showMap}
          onClick={pick.toggleMap}
          data-testid="toggle-map"
        >
          ▦ {pick.showMap ? t('cases.report.hideMap') : t('cases.report.pickOnMap')}
        </button>
      </div>
      {pick.locMsg && (
        <p className={`alert ${pick.locMsg.ok ? 'alert-ok' : 'alert-error'}`} role="status">
          {pick.locMsg.text}
        </p>
      )}
      {location && (
        <p className="para" data-testid="location-set">
          <span className="r-label">✓ {t('cases.report.locationSet')}</span>
          {location.source === 'gps' ? t('cases.report.fromGps') : t('cases.report.fromMap')} ({location.lon.toFixed(5)}
          , {location.lat.toFixed(5)})
        </p>
      )}
      {pick.showMap && communityCode && (
        <Suspense fallback={<p className="para muted">{t('map.loadingMap')}</p>}>
          <PickPointMap
            communityCode={communityCode}
            value={location ? [location.lon, location.lat] : null}
            onPick={pick.pickOnMap}
          />
        </Suspense>
      )}
      <label className="field">
        <span>{t('cases.report.address')}</span>
        <input
          value={address}
          maxLength={200}
          placeholder={t('cases.report.addressHint')}
          onChange={(e) => onAddress(e.target.value)}
        />
      </label>
      <details className="c-details">
        <summary>{t('cases.report.crs')}</summary>
        <label className="field">
          <span>{t('cases.report.crsLabel')}</span>
          <select value={pick.crs} onChange={(e) => pick.changeCrs(e.target.value as Crs)}>
            <option value="wgs84">{t('cases.report.crsWgs')}</option>
            <option value="gcj02">{t('cases.report.crsGcj')}</option>
            <option value="bd09">{t('cases.report.crsBd')}</option>
          </select>
        </label>
      </details>
    </section>
  );
}
