/** Suggested sites for the selected category: whom for, which candidates, how many; picks with their gain. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, InputNumber, List, Segmented, Select, Typography } from 'antd';
import type { Sites } from './api.ts';

type SiteFor = 'elderly' | 'children' | 'households';
export interface SiteQuery {
  who: SiteFor;
  candidates: 'freed' | 'vacant' | 'any';
  k: number;
}

/** The panel. */
export function SitesPanel({
  categoryName,
  result,
  busy,
  error,
  onRun,
  onTry,
}: {
  categoryName: string;
  result: Sites | null;
  busy: boolean;
  error: string | null;
  onRun(q: SiteQuery): void;
  onTry(lon: number, lat: number): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState<SiteQuery>({ who: 'elderly', candidates: 'freed', k: 3 });
  const r1 = (x: number) => Math.round(x);
  return (
    <div className="circle-panel" data-testid="sites-panel">
      <Typography.Paragraph strong>{categoryName}</Typography.Paragraph>
      <Form layout="vertical" size="middle">
        <Form.Item label={t('circle.sitesFor')}>
          <Segmented
            value={q.who}
            onChange={(v) => setQ({ ...q, who: v as SiteFor })}
            options={(['elderly', 'children', 'households'] as const).map((w) => ({
              value: w,
              label: t(`circle.weights.${w}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('circle.candidates')}>
          <Select
            value={q.candidates}
            onChange={(v) => setQ({ ...q, candidates: v })}
            options={(['freed', 'vacant', 'any'] as const).map((c) => ({
              value: c,
              label: t(`circle.candidateKinds.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('circle.k')}>
          <InputNumber min={1} max={10} value={q.k} onChange={(v) => setQ({ ...q, k: v ?? 1 })} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => onRun(q)} data-testid="suggest-sites">
          {t('circle.suggest')}
        </Button>
      </Form>
      {error && <Alert type="error" title={error} showIcon className="circle-gap" />}
      {result && (
        <>
          <Typography.Paragraph type="secondary" className="circle-gap">
            {t('circle.uncovered', { value: r1(result.uncovered) })}
          </Typography.Paragraph>
          <List
            data-testid="site-list"
            dataSource={result.picks}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button key="try" size="small" onClick={() => onTry(p.lon, p.lat)}>
                    {t('circle.modes.add')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  avatar={<span className="circle-site-badge">{p.rank}</span>}
                  title={
                    <span data-testid="site-name">
                      {t('circle.suggestion', { rank: p.rank, name: p.name })} · {t(`circle.candidateKinds.${p.kind}`)}
                    </span>
                  }
                  description={
                    <span data-testid="site-gain">
                      {t('circle.gain', {
                        elderly: r1(p.gain.elderly),
                        children: r1(p.gain.children),
                        households: r1(p.gain.households),
                      })}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">
            {result.exact
              ? t('circle.exactGap', { gap: result.exact.gapPct, ms: result.exact.ms })
              : t('circle.noExact')}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
