/** Map legend: every colour is named in text (colour is never the only signal). */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { MAP_COLOURS } from './mapStyle.ts';
import { GRID_COLOURS } from './geometry.ts';

/** Legend overlay; `own` is the grid worker's grid code, `ownName` its display name. */
export function MapLegend({ own, ownName, open }: { own: string | null; ownName: string | null; open: boolean }) {
  const { t } = useTranslation();
  const item = (swatch: CSSProperties, label: string, extra?: Record<string, string>) => (
    <li {...extra}>
      <span className="lg-swatch" style={swatch} aria-hidden="true" />
      {label}
    </li>
  );
  return (
    <div className="map-legend">
      {own && (
        <ul>
          {item(
            { background: 'rgba(194,65,12,.3)', border: `3px solid ${MAP_COLOURS.own}` },
            `★ ${t('map.myGrid', { name: ownName ?? own })}`,
            { 'data-testid': 'legend-own-grid', 'data-grid': own },
          )}
        </ul>
      )}
      <details open={open}>
        <summary>{t('map.legend')}</summary>
        <ul>
          {item(
            { background: `linear-gradient(90deg, ${GRID_COLOURS.slice(0, 4).join(',')})`, opacity: 0.6 },
            t('map.grid'),
          )}
          {item({ border: `2px dashed ${MAP_COLOURS.compound}` }, t('map.compound'))}
          {item({ background: 'rgba(180,83,9,.2)', border: `2px dashed ${MAP_COLOURS.sanwu}` }, t('map.formerSanwu'))}
          {item({ background: MAP_COLOURS.building }, t('map.building'))}
          {item({ background: '#fff', border: `2px solid ${MAP_COLOURS.roadCasing}`, height: '0.5rem' }, t('map.road'))}
          {item({ background: MAP_COLOURS.facility, borderRadius: '50%', border: '2px solid #fff' }, t('map.facility'))}
          {item({ border: `2px dashed ${MAP_COLOURS.boundary}` }, t('map.boundary'))}
        </ul>
      </details>
    </div>
  );
}
