/** Grid panel: worker (tap to call), statistics, compounds and a paginated household list. */
import { useTranslation } from 'react-i18next';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { get, qs } from '../../api/client.ts';
import type { GridResponse, HouseholdItem, Page } from '../../api/types.ts';
import { navigate } from '../../app/router.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading } from '../../components/Loading.tsx';
import { householdColumns } from '../registry/columns.tsx';

const PAGE_SIZE = 20;

/** Panel content for one grid. */
export function GridPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const grid = useAsync(() => get<GridResponse>(`/api/grids/${code}`), [code]);
  const hh = usePaged(
    (cursor) => get<Page<HouseholdItem>>(`/api/households${qs({ code, cursor, pageSize: PAGE_SIZE })}`),
    [code],
  );
  if (grid.error) return <Alert type="error" showIcon title={grid.error.message} />;
  if (!grid.data) return <Loading />;
  const { workers, stats, compounds } = grid.data;
  const statItems = stats
    ? ([
        ['households', stats.households],
        ['residents', stats.residents],
        ['elderly', stats.elderly],
        ['children', stats.children],
        ['livingAlone', stats.livingAlone],
      ] as const)
    : [];
  return (
    <div data-testid="grid-panel" data-grid={code}>
      <h3 className="gp-section">{t('grid.worker')}</h3>
      {workers.map((w) => (
        <p key={w.displayName}>
          <b>{w.displayName}</b>{' '}
          {w.phone && /^\+?\d+$/.test(w.phone) ? <a href={`tel:${w.phone}`}>☎ {w.phone}</a> : w.phone}
        </p>
      ))}
      <h3 className="gp-section">{t('grid.stats')}</h3>
      <div className="gp-stats">
        {statItems.map(([k, v]) => (
          <div key={k} className="gp-stat" data-stat={k}>
            <b>{v.toLocaleString()}</b>
            {t(`grid.${k}`)}
          </div>
        ))}
      </div>
      <h3 className="gp-section">{t('grid.compounds')}</h3>
      <Space wrap>
        {compounds.map((c) => (
          <Tag key={c.id}>
            {c.name}
            {c.formerSanwu ? ` · ${t('grid.sanwu')}` : ''}
            {c.noPropertyManager ? ` · ${t('grid.noManager')}` : ''}
          </Tag>
        ))}
      </Space>
      <h3 className="gp-section">{t('grid.householdList')}</h3>
      {hh.error && <Alert type="error" showIcon title={hh.error.message} />}
      <Table<HouseholdItem>
        size="small"
        rowKey="id"
        loading={hh.loading && hh.items.length === 0}
        dataSource={hh.items}
        columns={householdColumns(t, false)}
        scroll={{ x: true }}
        onRow={(r) => ({ onClick: () => navigate(`/households/${r.id}`), className: 's-clickable' })}
        pagination={false}
      />
      <LoadMore list={hh} />
      <Typography.Text type="secondary">{code}</Typography.Text>
    </div>
  );
}
