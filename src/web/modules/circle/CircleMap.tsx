/**
 * The life-circle map: walking network, buildings coloured by minutes to the chosen category, facilities,
 * the walking area (reached edges + outline), the gap heat map, suggested sites and a what-if point.
 * Site ranks and the what-if point are DOM markers (real, assertable text; no glyph server needed).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection, GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MlMap, Marker } from 'maplibre-gl';
import type { Layer, NetworkLines, SitePick, WalkArea } from './api.ts';
import { loadMapLibre } from '../../lib/maplibre.ts';
import { circleStyle, EMPTY, heatPoints } from './mapStyle.ts';

/** Props of {@link CircleMap}. */
export interface CircleMapProps {
  lines: NetworkLines;
  layer: Layer | null;
  area: WalkArea | null;
  sites: SitePick[];
  added: [number, number] | null;
  heat: boolean;
  attribution: string | null;
  onMapClick(lon: number, lat: number): void;
  onFacilityClick(id: string, name: string): void;
}

function bounds(fc: FeatureCollection): [number, number, number, number] | null {
  let a = Infinity,
    b = Infinity,
    c = -Infinity,
    d = -Infinity;
  const visit = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number') {
      a = Math.min(a, x[0]);
      c = Math.max(c, x[0]);
      b = Math.min(b, x[1] as number);
      d = Math.max(d, x[1] as number);
    } else if (Array.isArray(x)) x.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(a) ? [a, b, c, d] : null;
}

/** A setter for the data of the map's GeoJSON sources (a no-op before the map exists). */
function setSource(map: MlMap | null) {
  return (id: string, data: GeoJSON) => (map?.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/** The map; fills its parent. */
export function CircleMap(p: CircleMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const mlRef = useRef<typeof import('maplibre-gl') | null>(null);
  const cb = useRef(p);
  cb.current = p;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | null = null;
    setState('loading');
    loadMapLibre()
      .then((ml) => {
        if (cancelled || !box.current) return;
        mlRef.current = ml;
        const bb = bounds(p.lines);
        map = new ml.Map({
          container: box.current,
          style: circleStyle(p.lines),
          ...(bb ? { bounds: bb, fitBoundsOptions: { padding: 20 } } : { center: [100.45, 38.94], zoom: 14 }),
          attributionControl: { compact: false, ...(p.attribution ? { customAttribution: p.attribution } : {}) },
          dragRotate: false,
          pitchWithRotate: false,
        });
        mapRef.current = map;
        map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
        map.on('load', () => !cancelled && setState('ready'));
        map.on('click', (e) => {
          const hit = map?.queryRenderedFeatures(e.point, { layers: ['facility'] })[0];
          if (hit) cb.current.onFacilityClick(String(hit.properties.id), String(hit.properties.name));
          else cb.current.onMapClick(e.lngLat.lng, e.lngLat.lat);
        });
        map.on('mouseenter', 'facility', () => {
          if (map) map.getCanvas().style.cursor = 'pointer';
        });
        map.on('mouseleave', 'facility', () => {
          if (map) map.getCanvas().style.cursor = '';
        });
      })
      .catch((e: unknown) => {
        console.warn('map failed', e);
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
    // The map is rebuilt only for another network.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.lines, p.attribution]);

  useEffect(() => {
    if (state !== 'ready') return;
    const set = setSource(mapRef.current);
    set('homes', p.layer?.homes ?? EMPTY);
    set('heat', p.layer ? heatPoints(p.layer.homes) : EMPTY);
    set('facilities', {
      type: 'FeatureCollection',
      features: (p.layer?.facilities ?? []).map((f) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: { id: f.id, name: f.name },
      })),
    });
  }, [p.layer, state]);
  useEffect(() => {
    if (state !== 'ready') return;
    setSource(mapRef.current)(
      'area',
      p.area
        ? {
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', geometry: p.area.polygon, properties: {} },
              ...p.area.lines.coordinates.map((c) => ({
                type: 'Feature' as const,
                geometry: { type: 'LineString' as const, coordinates: c },
                properties: {},
              })),
            ],
          }
        : EMPTY,
    );
  }, [p.area, state]);
  useEffect(() => {
    if (state === 'ready') mapRef.current?.setLayoutProperty('heat', 'visibility', p.heat ? 'visible' : 'none');
  }, [p.heat, state]);
  useEffect(() => {
    const map = mapRef.current,
      ml = mlRef.current;
    if (state !== 'ready' || !map || !ml) return;
    const markers: Marker[] = [];
    for (const s of p.sites) {
      const el = document.createElement('div');
      el.className = 'circle-site-marker';
      el.dataset.testid = 'site-marker';
      el.textContent = String(s.rank);
      el.title = s.name;
      markers.push(new ml.Marker({ element: el }).setLngLat([s.lon, s.lat]).addTo(map));
    }
    if (p.added) {
      const el = document.createElement('div');
      el.className = 'circle-added-marker';
      el.textContent = '+';
      markers.push(new ml.Marker({ element: el }).setLngLat(p.added).addTo(map));
    }
    return () => {
      for (const m of markers) m.remove();
    };
  }, [p.sites, p.added, state]);

  return (
    <div className="circle-map-wrap">
      <div ref={box} className="circle-map" data-map-state={state} data-testid="circle-map" />
      {state === 'loading' && <div className="circle-map-overlay">{t('circle.loadingMap')}</div>}
      {state === 'failed' && <div className="circle-map-overlay">{t('circle.noWebgl')}</div>}
    </div>
  );
}
