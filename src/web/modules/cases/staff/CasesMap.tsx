/**
 * Map of cases over the community map: MapLibre clusters (circle layers; the counts are DOM markers because
 * there is no glyph server) and a heatmap layer weighted by urgency, from GET /api/cases/map. A click on a
 * cluster zooms in; a click on a single case opens it. Lazy chunk: MapLibre loads only here.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Segmented, Space, Typography } from 'antd';
import type { GeoJSONSource, Map as MlMap, Marker } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { get } from '../../../api/client.ts';
import { casesApi } from '../../../api/cases.ts';
import type { CommunityMapData } from '../../../api/types.ts';
import { navigate } from '../../../app/router.tsx';
import { bboxOf } from '../../map/geometry.ts';
import { buildStyle } from '../../map/mapStyle.ts';
import { loadMapLibre } from '../../../lib/maplibre.ts';
import { isOpen } from '../labels.ts';

type View = 'clusters' | 'heat';
const OPEN_COLOUR = '#d4380d';
const DONE_COLOUR = '#389e0d';

/** Props: the community to show; `tick` changes when cases changed (refetch the points). */
export default function CasesMap({ code, tick }: { code: string | undefined; tick: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [view, setView] = useState<View>('clusters');
  const [total, setTotal] = useState<number | null>(null);
  /** Points drawn when the server capped them (it says so with `truncated`), else null. */
  const [drawn, setDrawn] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The map is built once per community; its attribution uses the language of that moment.
  const attribution = useEffectEvent(() => t('map.attribution'));
  useEffect(() => {
    if (!code) return;
    let cancelled = false;
    let map: MlMap | null = null;
    const markers = new Map<number, Marker>();
    setState('loading');
    Promise.all([loadMapLibre(), get<CommunityMapData>(`/api/places/${code}/map`)])
      .then(([ml, data]) => {
        if (cancelled || !box.current) return;
        const bbox = bboxOf([data.boundary, ...data.grids.features]);
        const style = buildStyle(data, null, null, null);
        style.sources.cases = {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
          cluster: true,
          clusterRadius: 40,
          clusterMaxZoom: 17,
          clusterProperties: { open: ['+', ['case', ['get', 'open'], 1, 0]] },
        };
        style.sources.heat = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
        style.layers.push(
          {
            id: 'case-heat',
            type: 'heatmap',
            source: 'heat',
            layout: { visibility: 'none' },
            paint: {
              'heatmap-weight': ['get', 'weight'],
              'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 12, 14, 17, 40],
              'heatmap-opacity': 0.8,
            },
          },
          {
            id: 'case-clusters',
            type: 'circle',
            source: 'cases',
            filter: ['has', 'point_count'],
            paint: {
              'circle-color': ['case', ['>', ['get', 'open'], 0], OPEN_COLOUR, DONE_COLOUR],
              'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24],
              'circle-stroke-width': 2,
              'circle-stroke-color': '#fff',
            },
          },
          {
            id: 'case-points',
            type: 'circle',
            source: 'cases',
            filter: ['!', ['has', 'point_count']],
            paint: {
              'circle-color': ['case', ['get', 'open'], OPEN_COLOUR, DONE_COLOUR],
              'circle-radius': 7,
              'circle-stroke-width': 2,
              'circle-stroke-color': '#fff',
            },
          },
        );
        map = new ml.Map({
          container: box.current,
          style,
          ...(bbox ? { bounds: bbox, fitBoundsOptions: { padding: 24 } } : { center: [100.45, 38.93], zoom: 14 }),
          attributionControl: { compact: true, customAttribution: attribution() },
          dragRotate: false,
          pitchWithRotate: false,
        });
        mapRef.current = map;
        map.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
        const m = map;
        // Cluster counts as DOM markers (no glyphs needed), refreshed when the view settles.
        const refreshCounts = () => {
          const seen = new Set<number>();
          if (m.getLayoutProperty('case-clusters', 'visibility') !== 'none') {
            for (const f of m.querySourceFeatures('cases')) {
              const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
              if (!p.cluster || p.cluster_id === undefined || seen.has(p.cluster_id)) continue;
              seen.add(p.cluster_id);
              let mk = markers.get(p.cluster_id);
              if (!mk) {
                const el = document.createElement('div');
                el.className = 'cc-count';
                el.style.cssText = 'color:#fff;font:700 12px system-ui;pointer-events:none';
                mk = new ml.Marker({ element: el })
                  .setLngLat((f.geometry as Point).coordinates as [number, number])
                  .addTo(m);
                markers.set(p.cluster_id, mk);
              }
              mk.getElement().textContent = String(p.point_count ?? '');
            }
          }
          for (const [id, mk] of markers) {
            if (!seen.has(id)) {
              mk.remove();
              markers.delete(id);
            }
          }
        };
        map.on('moveend', refreshCounts);
        map.on('sourcedata', (e) => {
          if (e.sourceId === 'cases' && e.isSourceLoaded) refreshCounts();
        });
        map.on('click', 'case-clusters', (e) => {
          const f = e.features?.[0];
          const id = (f?.properties as { cluster_id?: number } | undefined)?.cluster_id;
          if (!f || id === undefined) return;
          void (m.getSource('cases') as GeoJSONSource).getClusterExpansionZoom(id).then((z) => {
            m.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom: z });
          });
        });
        map.on('click', 'case-points', (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (typeof id === 'string') navigate(`/cases/${id}`);
        });
        for (const l of ['case-clusters', 'case-points']) {
          map.on('mouseenter', l, () => (m.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', l, () => (m.getCanvas().style.cursor = ''));
        }
        map.on('load', () => !cancelled && setState('ready'));
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      for (const mk of markers.values()) mk.remove();
      map?.remove();
      mapRef.current = null;
    };
  }, [code]);

  // Points (and refreshes on every case change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the refresh signal (a case changed)
  useEffect(() => {
    if (state !== 'ready' || !code) return;
    let live = true;
    casesApi
      .map({ code })
      .then((r) => {
        const map = mapRef.current;
        if (!live || !map) return;
        const fc: FeatureCollection = {
          type: 'FeatureCollection',
          features: r.points.map(([lon, lat, weight, status, id]) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [lon, lat] },
            properties: { weight, status, id, open: isOpen(status) },
          })),
        };
        (map.getSource('cases') as GeoJSONSource | undefined)?.setData(fc);
        (map.getSource('heat') as GeoJSONSource | undefined)?.setData(fc);
        setTotal(r.total);
        setDrawn(r.truncated ? r.points.length : null);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [state, code, tick]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || state !== 'ready') return;
    const heat = view === 'heat';
    map.setLayoutProperty('case-heat', 'visibility', heat ? 'visible' : 'none');
    for (const l of ['case-clusters', 'case-points']) map.setLayoutProperty(l, 'visibility', heat ? 'none' : 'visible');
    for (const el of document.querySelectorAll<HTMLElement>('.cc-count')) el.style.display = heat ? 'none' : '';
  }, [view, state]);

  return (
    <div data-testid="cases-map">
      <Space wrap className="cs-gap">
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'clusters', label: t('cases.staff.clusters') },
            { value: 'heat', label: t('cases.staff.heat') },
          ]}
        />
        {total !== null && (
          <Typography.Text type="secondary">{t('cases.staff.mapTotal', { count: total })}</Typography.Text>
        )}
      </Space>
      {drawn !== null && total !== null && (
        <Alert
          type="warning"
          showIcon
          className="cs-gap"
          data-testid="map-truncated"
          title={t('cases.staff.mapTruncated', { shown: drawn, total })}
        />
      )}
      {error && <Alert type="error" showIcon title={error} className="cs-gap" />}
      <div className="cc-map">
        <div ref={box} className="cc-map-canvas" data-map-state={state} />
        {state === 'failed' && <Alert type="error" title={t('map.noWebgl')} />}
        <div className="cc-map-legend">
          <span style={{ background: OPEN_COLOUR }} />
          {t('cases.staff.legendOpen')} &nbsp;
          <span style={{ background: DONE_COLOUR }} />
          {t('cases.staff.legendDone')}
        </div>
      </div>
    </div>
  );
}
