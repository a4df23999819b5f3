/**
 * 15分钟生活圈 (staff, desk and phone): coverage per category and level for the chosen walking profile,
 * a map of buildings coloured by minutes to the chosen category, walking areas, the gap heat map,
 * suggested sites and what-if — all against the real walking network; PDF report download.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Grid, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { useCommunities } from '../../lib/places.ts';
import { placeName } from '../../lib/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { circleApi, type Sites, type WalkArea, type WhatIf } from './api.ts';
import { CircleMap } from './CircleMap.tsx';
import { CoverageTable, catLabel } from './CoverageTable.tsx';
import { SitesPanel, type SiteQuery } from './SitesPanel.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { CircleLegend } from './CircleLegend.tsx';
import './circle.css';

type Mode = 'area' | 'add' | 'remove';
const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The page. */
export default function CirclePage() {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const phone = !Grid.useBreakpoint().md;
  const communities = useCommunities(account);
  const [community, setCommunity] = useState<string | null>(null);
  const [network, setNetwork] = useState('roads');
  const [profile, setProfile] = useState('elderly');
  const [threshold, setThreshold] = useState('gb');
  const [category, setCategory] = useState('elderly_day_care');
  const [mode, setMode] = useState<Mode>('area');
  const [heat, setHeat] = useState(false);
  const [tab, setTab] = useState('coverage');
  const [area, setArea] = useState<WalkArea | null>(null);
  const [sites, setSites] = useState<Sites | null>(null);
  const [what, setWhat] = useState<{ title: string; result: WhatIf; added: [number, number] | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<{ where: string; text: string } | null>(null);

  useEffect(() => {
    if (!community && communities.data?.[0])
      setCommunity(
        communities.data.find((c) => account.scope?.code?.startsWith(c.code))?.code ?? communities.data[0].code,
      );
  }, [communities.data, community, account.scope]);
  const networks = useAsync(() => (community ? circleApi.networks(community) : undefined), [community]);
  const cov = useAsync(() => (community ? circleApi.coverage(community, network) : undefined), [community, network]);
  const lines = useAsync(() => (community ? circleApi.network(community, network) : undefined), [community, network]);
  const layer = useAsync(
    () => (community ? circleApi.layer(community, network, category, profile) : undefined),
    [community, network, category, profile],
  );
  // Results belong to one category, network and community: drop them when any of these changes (adjusted
  // while rendering, as React recommends, rather than in an effect).
  const resultsKey = `${category}\u0000${network}\u0000${community}`;
  const [resultsFor, setResultsFor] = useState(resultsKey);
  if (resultsFor !== resultsKey) {
    setResultsFor(resultsKey);
    setSites(null);
    setWhat(null);
    setArea(null);
  }

  const lang = i18n.language;
  const cat = cov.data?.categories.find((c) => c.id === category);
  const catName = catLabel(cat, lang);
  const minutes = threshold.startsWith('min') ? Number(threshold.slice(3)) : 5;
  const fail = (where: string) => (e: unknown) => setErr({ where, text: msg(e) });

  const showArea = (from: { facility?: string; lon?: number; lat?: number }) => {
    if (!community) return;
    setErr(null);
    circleApi.area(community, network, from, profile, minutes).then(setArea, fail('map'));
  };
  const runWhatIf = (
    body: { add?: { lon: number; lat: number }; remove?: string },
    title: string,
    added: [number, number] | null,
  ) => {
    if (!community) return;
    setErr(null);
    setTab('whatif');
    circleApi
      .whatIf(community, { network, category, profile, ...body })
      .then((result) => setWhat({ title, result, added }), fail('whatif'));
  };
  const runSites = (q: SiteQuery) => {
    if (!community) return;
    setBusy(true);
    setErr(null);
    setArea(null);
    const weights =
      q.who === 'households'
        ? { base: 'households', elderly: 0, children: 0 }
        : { base: 'none', elderly: q.who === 'elderly' ? 1 : 0, children: q.who === 'children' ? 1 : 0 };
    circleApi
      .sites(community, {
        network,
        category,
        k: q.k,
        candidates: q.candidates,
        profile: q.who === 'elderly' ? 'elderly' : profile === 'elderly' ? 'standard' : profile,
        weights,
      })
      .then(setSites, fail('sites'))
      .finally(() => setBusy(false));
  };

  const error = communities.error ?? cov.error ?? lines.error;
  if (error) return <Alert type="error" showIcon title={error.message} className="circle-error" />;
  if (!cov.data || !lines.data || !community) return <Loading />;
  const c = cov.data;
  const r0 = (x: number) => Math.round(x);
  const attribution = c.network.attribution ? t('circle.attribution') : null;

  return (
    <div className="circle-page" data-testid="circle-page">
      <header className="circle-head">
        <div>
          <Typography.Title level={3} className="circle-title">
            {t('circle.title')} · {placeName({ name: c.name, nameEn: c.nameEn })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('circle.subtitle')}</Typography.Text>
        </div>
        <Space wrap className="circle-controls">
          {(communities.data?.length ?? 0) > 1 && (
            <Select
              aria-label={t('map.pickCommunity')}
              value={community}
              onChange={setCommunity}
              options={communities.data?.map((x) => ({ value: x.code, label: placeName(x) }))}
            />
          )}
          <Select
            aria-label={t('circle.network')}
            value={network}
            onChange={setNetwork}
            data-testid="network-select"
            options={(networks.data?.networks ?? [{ name: 'roads', source: 'roads' as const, attribution: null }]).map(
              (n) => ({ value: n.name, label: n.source === 'roads' ? t('circle.networkRoads') : `OSM · ${n.name}` }),
            )}
          />
          {phone ? (
            <Select
              aria-label={t('circle.profile')}
              value={profile}
              onChange={setProfile}
              data-testid="profile-switch"
              options={c.profiles.map((p) => ({
                value: p.id,
                label: t(`circle.profiles.${p.id}`, { defaultValue: p.id }),
              }))}
            />
          ) : (
            <Segmented
              aria-label={t('circle.profile')}
              value={profile}
              onChange={(v) => setProfile(String(v))}
              data-testid="profile-switch"
              options={c.profiles.map((p) => ({
                value: p.id,
                label: t(`circle.profiles.${p.id}`, { defaultValue: p.id }),
              }))}
            />
          )}
          <Button href={circleApi.reportUrl(community, network, lang)} target="_blank" data-testid="pdf-download">
            {t('circle.pdf')}
          </Button>
        </Space>
      </header>
      {c.isDemo && (
        <div className="circle-demo" role="note">
          {t('circle.demoNotice')}
        </div>
      )}
      <div className="circle-body">
        <section className="circle-side">
          <Typography.Paragraph className="circle-totals" data-testid="circle-totals">
            {t('circle.totals', {
              households: r0(c.totals.households),
              people: r0(c.totals.people),
              elderly: r0(c.totals.elderly),
              children: r0(c.totals.children),
            })}
            {c.estimatedHomes > 0 && (
              <>
                <br />
                {t('circle.estimated', { count: c.estimatedHomes })}
              </>
            )}
          </Typography.Paragraph>
          {c.farFacilities.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('circle.farFacilities', {
                count: c.farFacilities.length,
                names: c.farFacilities.map((f) => f.name).join('、'),
              })}
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'coverage',
                label: t('circle.tabs.coverage'),
                children: (
                  <>
                    <Segmented
                      value={threshold}
                      onChange={(v) => setThreshold(String(v))}
                      data-testid="threshold-switch"
                      options={c.thresholds.map((x) => ({ value: x, label: t(`circle.thresholds.${x}`) }))}
                    />
                    <CoverageTable
                      cov={c}
                      profile={profile}
                      threshold={threshold}
                      selected={category}
                      onSelect={setCategory}
                    />
                  </>
                ),
              },
              {
                key: 'gaps',
                label: t('circle.tabs.gaps'),
                children: (
                  <ul className="circle-gaps" data-testid="gap-list">
                    {c.gaps.length === 0 && <li>{t('circle.noGaps')}</li>}
                    {c.gaps.map((g) => (
                      <li key={g.category}>
                        <Button type="link" onClick={() => setCategory(g.category)}>
                          {catLabel(
                            c.categories.find((x) => x.id === g.category),
                            lang,
                          )}
                        </Button>
                        {t(`circle.levels.${g.level}`)} ·{' '}
                        {g.status === 'absent'
                          ? t('circle.gapAbsent')
                          : t('circle.gapPartial', {
                              share: `${Math.round(g.householdShare * 1000) / 10}%`,
                              metres: c.categories.find((x) => x.id === g.category)?.maxDistanceM ?? 0,
                            })}
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'sites',
                label: t('circle.tabs.sites'),
                children: (
                  <SitesPanel
                    categoryName={catName}
                    result={sites}
                    busy={busy}
                    error={err?.where === 'sites' ? err.text : null}
                    onRun={runSites}
                    onTry={(lon, lat) =>
                      runWhatIf({ add: { lon, lat } }, t('circle.whatifAdded', { category: catName }), [lon, lat])
                    }
                  />
                ),
              },
              {
                key: 'whatif',
                label: t('circle.tabs.whatif'),
                children: (
                  <WhatIfPanel
                    title={what?.title ?? null}
                    result={what?.result ?? null}
                    error={err?.where === 'whatif' ? err.text : null}
                    onReset={() => setWhat(null)}
                  />
                ),
              },
            ]}
          />
        </section>
        <section className="circle-mapcol">
          <Space wrap className="circle-mapbar">
            <Select
              aria-label={t('circle.mapLayer')}
              value={category}
              onChange={setCategory}
              className="circle-catselect"
              data-testid="category-select"
              showSearch
              optionFilterProp="label"
              options={c.categories.map((x) => ({ value: x.id, label: catLabel(x, lang) }))}
            />
            <Segmented
              aria-label={t('circle.clickMode')}
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              options={(['area', 'add', 'remove'] as const).map((m) => ({ value: m, label: t(`circle.modes.${m}`) }))}
            />
            <Checkbox
              className="circle-heat"
              checked={heat}
              onChange={(e) => setHeat(e.target.checked)}
              data-testid="heat-toggle"
            >
              {t('circle.heat')}
            </Checkbox>
          </Space>
          {err?.where === 'map' && (
            <Alert type="error" showIcon title={err.text} closable onClose={() => setErr(null)} />
          )}
          {area && (
            <Typography.Text className="circle-areainfo" data-testid="area-info">
              {t('circle.areaOf', {
                name: area.label ?? t('circle.clickedPoint'),
                minutes: area.minutes,
                profile: t(`circle.profiles.${area.profile}`),
                metres: area.limitM,
              })}
            </Typography.Text>
          )}
          <div className="circle-stage">
            <CircleMap
              lines={lines.data}
              layer={layer.data ?? null}
              area={area}
              sites={sites?.picks ?? []}
              added={what?.added ?? null}
              heat={heat}
              attribution={attribution}
              onMapClick={(lon, lat) =>
                mode === 'add'
                  ? runWhatIf({ add: { lon, lat } }, t('circle.whatifAdded', { category: catName }), [lon, lat])
                  : mode === 'area'
                    ? showArea({ lon, lat })
                    : undefined
              }
              onFacilityClick={(id, name) =>
                mode === 'remove'
                  ? runWhatIf({ remove: id }, t('circle.whatifRemoved', { name }), null)
                  : showArea({ facility: id })
              }
            />
            <CircleLegend category={catName} open={!phone} />
          </div>
          {attribution && (
            <Typography.Text type="secondary" data-testid="osm-attribution">
              {attribution}
            </Typography.Text>
          )}
        </section>
      </div>
    </div>
  );
}
