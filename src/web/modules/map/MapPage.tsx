/**
 * Staff map page: the community's grids, compounds, buildings, roads and facilities; a grid worker's own
 * grid is highlighted (legend entry + `data-highlight-grid` on the container). Clicking a grid opens its
 * panel (side drawer on a desk, bottom drawer on a phone).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Drawer, Grid, Select } from 'antd';
import { get } from '../../api/client.ts';
import type { ClientSettings, CommunityMapData } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { ownGridCode, useCommunities } from '../../lib/places.ts';
import { placeName } from '../../lib/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { CommunityMap } from './CommunityMap.tsx';
import { MapLegend } from './MapLegend.tsx';
import { GridPanel } from './GridPanel.tsx';
import './map.css';

/** The page. */
export default function MapPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const phone = !Grid.useBreakpoint().md;
  const communities = useCommunities(account);
  const [community, setCommunity] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const own = ownGridCode(account);

  useEffect(() => {
    if (!community && communities.data?.[0]) setCommunity(communities.data[0].code);
  }, [communities.data, community]);

  const settings = useAsync(() => get<ClientSettings>('/api/settings'), []);
  const map = useAsync(
    () => (community ? get<CommunityMapData>(`/api/places/${community}/map`) : undefined),
    [community],
  );
  const ownName = own
    ? (map.data?.grids.features.find((f) => f.properties.code === own)?.properties.name ?? own)
    : null;
  const error = communities.error ?? map.error;

  return (
    <div className="map-page" data-highlight-grid={own ?? ''} data-testid="map-page">
      <div className="map-bar">
        {(communities.data?.length ?? 0) > 1 && (
          <Select
            className="map-community"
            aria-label={t('map.pickCommunity')}
            value={community ?? undefined}
            onChange={(v: string) => {
              setSelected(null);
              setCommunity(v);
            }}
            options={communities.data?.map((c) => ({ value: c.code, label: placeName(c) }))}
          />
        )}
        {map.data && (
          <nav className="map-grid-list" aria-label={t('map.gridList')}>
            {map.data.grids.features
              .slice()
              .sort((a, b) => a.properties.seq - b.properties.seq)
              .map((f) => (
                <button
                  key={f.properties.code}
                  type="button"
                  className={
                    `map-chip${f.properties.code === own ? ' is-own' : ''}` +
                    `${f.properties.code === selected ? ' is-selected' : ''}`
                  }
                  aria-pressed={f.properties.code === selected}
                  onClick={() => setSelected(f.properties.code)}
                >
                  {f.properties.code === own ? '★ ' : ''}
                  {t('map.gridShort', { seq: f.properties.seq })}
                </button>
              ))}
          </nav>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} className="map-error" />}
      {map.data?.community.isDemo && (
        <div className="map-demo" role="note" data-testid="demo-notice">
          {t('map.demoNotice')}
        </div>
      )}
      <div className="map-stage">
        {map.data ? (
          <CommunityMap
            data={map.data}
            settings={settings.data ?? null}
            ownGrid={own}
            selected={selected}
            onSelectGrid={setSelected}
          />
        ) : (
          !error && <Loading />
        )}
        <MapLegend ownName={ownName} own={own} open={!phone} />
      </div>
      <Drawer
        open={!!selected}
        onClose={() => setSelected(null)}
        placement={phone ? 'bottom' : 'right'}
        size={phone ? '75%' : 440}
        mask={phone}
        title={map.data?.grids.features.find((f) => f.properties.code === selected)?.properties.name ?? selected}
        destroyOnHidden
      >
        {selected && <GridPanel code={selected} />}
      </Drawer>
    </div>
  );
}
