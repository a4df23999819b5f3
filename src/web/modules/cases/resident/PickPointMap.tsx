/**
 * A small map of the community on which the resident taps the place of the problem. Lazy-loaded by the report
 * page (MapLibre is ~300 KB gzipped and must not be in the resident's first load). Coordinates are WGS-84.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap, Marker } from 'maplibre-gl';
import { get } from '../../../api/client.ts';
import type { CommunityMapData } from '../../../api/types.ts';
import { bboxOf } from '../../map/geometry.ts';
import { buildStyle } from '../../map/mapStyle.ts';
import { loadMapLibre } from '../../../lib/maplibre.ts';

/** Props. */
export interface PickPointMapProps {
  communityCode: string;
  value: [number, number] | null;
  onPick(lon: number, lat: number): void;
}

/** The map; 16rem tall. */
export default function PickPointMap({ communityCode, value, onPick }: PickPointMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const mlRef = useRef<typeof import('maplibre-gl') | null>(null);

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | null = null;
    Promise.all([loadMapLibre(), get<CommunityMapData>(`/api/places/${communityCode}/map`)])
      .then(([ml, data]) => {
        if (cancelled || !box.current) return;
        mlRef.current = ml;
        const bbox = bboxOf([data.boundary, ...data.grids.features]);
        map = new ml.Map({
          container: box.current,
          style: buildStyle(data, null, null, null),
          ...(bbox ? { bounds: bbox, fitBoundsOptions: { padding: 12 } } : { center: [100.45, 38.93], zoom: 14 }),
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
        });
        mapRef.current = map;
        map.touchZoomRotate.disableRotation();
        map.on('load', () => !cancelled && setState('ready'));
        map.on('click', (e) => pickRef.current(e.lngLat.lng, e.lngLat.lat));
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      markerRef.current = null;
      map?.remove();
      mapRef.current = null;
    };
  }, [communityCode]);

  useEffect(() => {
    const map = mapRef.current;
    const ml = mlRef.current;
    if (!map || !ml || state !== 'ready') return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) markerRef.current = new ml.Marker({ color: '#b42318' }).setLngLat(value).addTo(map);
    else markerRef.current.setLngLat(value);
  }, [value, state]);

  return (
    <div className="c-pickmap" data-testid="pick-map">
      <div ref={box} className="c-pickmap-canvas" data-map-state={state} />
      {state === 'loading' && <p className="c-pickmap-note">{t('map.loadingMap')}</p>}
      {state === 'failed' && <p className="alert alert-error">{t('map.noWebgl')}</p>}
      {state === 'ready' && <p className="c-pickmap-hint">{t('cases.report.tapMap')}</p>}
    </div>
  );
}
