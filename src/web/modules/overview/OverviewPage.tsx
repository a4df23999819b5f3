/**
 * The secretary's overview (书记总览): every module's numbers for the community (or, for a street, the street
 * and each community side by side); each number links to the list behind it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Table, Typography } from 'antd';
import { Link, useLocation } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { careApi, type Tile } from '../care/api.ts';
import '../care/care.css';

const label = (t: TFunction, key: string): string =>
  t(`care.overview.tiles.${key.replace('.', '_')}`, { defaultValue: key });

/** The page. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const code = query.get('code') ?? undefined;
  const o = useAsync(() => careApi.overview(code), [code]);
  if (o.error) return <Alert className="s-pad" type="error" showIcon title={o.error.message} />;
  const d = o.data;
  if (!d) return null;
  const keys = d.tiles.map((x) => x.key);
  return (
    <div className="s-pad care-page" data-testid="overview">
      <Typography.Title level={3}>{t('care.overview.title', { name: d.name })}</Typography.Title>
      <Typography.Text type="secondary">{t('care.overview.asOf', { time: dateTime(d.asOf) })}</Typography.Text>
      <div className="care-tiles" style={{ marginTop: 12 }}>
        {d.tiles.map((x) => (
          <Link key={x.key} to={x.href} className="care-tile" data-testid="tile" data-key={x.key}>
            <div className="muted">{label(t, x.key)}</div>
            <div className="care-tile-value" data-testid="tile-value">
              {x.value}
            </div>
          </Link>
        ))}
      </div>
      {d.communities.length > 0 && (
        <Card title={t('care.overview.communities')} style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.communities}
            columns={[
              {
                title: '',
                render: (_, c) => <Link to={`/overview?code=${c.code}`}>{c.name}</Link>,
              },
              ...keys.map((k) => ({
                title: label(t, k),
                render: (_: unknown, c: { tiles: Tile[] }) => {
                  const tile = c.tiles.find((x) => x.key === k);
                  return tile ? <Link to={tile.href}>{tile.value}</Link> : '—';
                },
              })),
            ]}
          />
        </Card>
      )}
    </div>
  );
}
