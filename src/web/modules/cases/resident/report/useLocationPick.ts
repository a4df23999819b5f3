/**
 * Where the problem is: the phone's position (falling back to the map when it fails), a point picked on the
 * map, and the coordinate system the phone reports in (remembered for next time).
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crs } from '../../../../api/cases.ts';
import type { ReportDraft } from '../../drafts.ts';
import { currentPosition, preferredCrs, setPreferredCrs } from '../../geo.ts';
import type { Message } from './useSubmitReport.ts';

type Loc = ReportDraft['location'];

/** State and actions of the location step; `setLocation` writes the draft's location. */
export function useLocationPick(location: Loc, setLocation: (loc: Loc) => void) {
  const { t } = useTranslation();
  const [crs, setCrs] = useState<Crs>(preferredCrs);
  const [locMsg, setLocMsg] = useState<Message>(null);
  const [locating, setLocating] = useState(false);
  const [showMap, setShowMap] = useState(false);

  const locate = async () => {
    setLocating(true);
    setLocMsg(null);
    try {
      const p = await currentPosition();
      setLocation({ lon: p.lon, lat: p.lat, crs, source: 'gps' });
      setLocMsg({ ok: true, text: t('cases.report.located', { m: Math.round(p.accuracy) }) });
    } catch (e) {
      setLocMsg({ ok: false, text: t('cases.report.locateFailed', { reason: e instanceof Error ? e.message : '' }) });
      setShowMap(true);
    } finally {
      setLocating(false);
    }
  };

  /** A new system applies to a GPS position already taken (a map point is always WGS-84). */
  const changeCrs = (v: Crs) => {
    setCrs(v);
    setPreferredCrs(v);
    if (location?.source === 'gps') setLocation({ ...location, crs: v });
  };

  const pickOnMap = (lon: number, lat: number) => setLocation({ lon, lat, crs: 'wgs84', source: 'map' });
  const toggleMap = () => setShowMap((v) => !v);
  const clearMessage = useCallback(() => setLocMsg(null), []);

  return { crs, changeCrs, locMsg, locating, locate, showMap, toggleMap, pickOnMap, clearMessage };
}

/** What the location step shows and does. */
export type LocationPick = ReturnType<typeof useLocationPick>;
