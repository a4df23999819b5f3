/**
 * The community map. MapLibre is imported dynamically here (maplibre 6: named exports only; Vite does not
 * emit its worker, so its URL comes from a `?url` import and goes to `setWorkerUrl`). Grid names are DOM
 * markers, so no glyph server is needed and the labels are real, translatable, assertable text.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap } from 'maplibre-gl';
import type { ClientSettings, CommunityMapData } from '../../api/types.ts';
import { bboxOf, labelPoint } from './geometry.ts';
import { buildStyle, CLICKABLE } from './mapStyle.ts';
import { loadMapLibre } from '../../lib/maplibre.ts';

/** Props of {@link CommunityMap}. */
export interface CommunityMapProps {
  data: CommunityMapData;
  settings: ClientSettings | null;
  ownGrid: string | null;
  selected: string | null;
  onSelectGrid(code: string): void;
}

/** The map; fills its parent. */
export function CommunityMap({ data, settings, ownGrid, selected, onSelectGrid }: CommunityMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const selectRef = useRef(onSelectGrid);
  selectRef.current = onSelectGrid;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | null = null;
    const markers: { remove(): void }[] = [];
    setState('loading');
    loadMapLibre()
      .then((ml) => {
        if (cancelled || !box.current) return;
        const bbox = bboxOf([data.boundary, ...data.grids.features]);
        map = new ml.Map({
          container: box.current,
          style: buildStyle(data, settings, ownGrid, null),
          ...(bbox ? { bounds: bbox, fitBoundsOptions: { padding: 24 } } : { center: [100.45, 38.93], zoom: 14 }),
          attributionControl: { compact: true, customAttribution: t('map.attribution') },
          dragRotate: false,
          pitchWithRotate: false,
        });
        mapRef.current = map;
        map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
        map.touchZoomRotate.disableRotation();
        map.on('error', (e) => console.warn('map error', e.error));
        map.on('load', () => !cancelled && setState('ready'));
        map.on('click', CLICKABLE.grid, (e) => {
          const code = e.features?.[0]?.properties?.code;
          if (typeof code === 'string') selectRef.current(code);
        });
        map.on('click', CLICKABLE.facility, (e) => {
          const f = e.features?.[0];
          const name = f?.properties?.name;
          if (!map || typeof name !== 'string') return;
          const el = document.createElement('div');
          el.textContent = name;
          new ml.Popup({ closeButton: true }).setLngLat(e.lngLat).setDOMContent(el).addTo(map);
        });
        for (const id of [CLICKABLE.grid, CLICKABLE.facility]) {
          map.on('mouseenter', id, () => {
            if (map) map.getCanvas().style.cursor = 'pointer';
          });
          map.on('mouseleave', id, () => {
            if (map) map.getCanvas().style.cursor = '';
          });
        }
        for (const f of data.grids.features) {
          const at = labelPoint(f.geometry);
          if (!at) continue;
          const el = document.createElement('button');
          el.type = 'button';
          el.className = `map-grid-label${f.properties.code === ownGrid ? ' is-own' : ''}`;
          el.dataset.grid = f.properties.code;
          const star = f.properties.code === ownGrid ? '★ ' : '';
          el.textContent = star + t('map.gridShort', { seq: f.properties.seq });
          el.title = f.properties.name;
          el.addEventListener('click', (ev) => {
            ev.stopPropagation();
            selectRef.current(f.properties.code);
          });
          markers.push(new ml.Marker({ element: el }).setLngLat(at).addTo(map));
        }
      })
      .catch((e: unknown) => {
        console.warn('map failed', e);
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      for (const m of markers) m.remove();
      map?.remove();
      mapRef.current = null;
    };
    // `t` is bound to the language, so the map is rebuilt on a language switch (labels and attribution are
    // translated); that is rare enough.
  }, [data, settings, ownGrid, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== 'ready') return;
    map.setFilter('grid-selected-line', ['==', ['get', 'code'], selected ?? '']);
    document.querySelectorAll<HTMLElement>('.map-grid-label').forEach((el) => {
      el.classList.toggle('is-selected', el.dataset.grid === selected);
    });
  }, [selected, state]);

  return (
    <div className="map-canvas-wrap">
      <div ref={box} className="map-canvas" data-map-state={state} />
      {state === 'loading' && <div className="map-overlay">{t('map.loadingMap')}</div>}
      {state === 'failed' && <div className="map-overlay alert alert-error">{t('map.noWebgl')}</div>}
    </div>
  );
}
