/**
 * The care area (one lazy chunk): /care the overdue visits (a grid worker's own grid on the phone, staff's
 * community) and the care list, /care/people/:id one person, /care/visits/:id one visit.
 */
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, List, Space, Tabs, Tag, Typography } from 'antd';
import { LoadMore } from '../../components/LoadMore.tsx';
import { usePaged } from '../../lib/usePaged.ts';
import { useAccount } from '../../app/auth.tsx';
import { matchPath, navigate, useLocation } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { careApi, type CarePerson } from './api.ts';
import { CareTags } from './CareTags.tsx';
import './care.css';

const PersonPage = lazy(() => import('./PersonPage.tsx'));
const VisitPage = lazy(() => import('./VisitPage.tsx'));

function PersonItem({ p }: { p: CarePerson }) {
  const { t } = useTranslation();
  return (
    <List.Item
      className={`care-item${p.overdueDays > 0 ? ' is-overdue' : ''}`}
      data-testid="care-item"
      data-id={p.residentId}
      onClick={() => navigate(`/care/people/${p.residentId}`)}
    >
      <div className="care-item-body">
        <Space wrap size={4}>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.age !== null && <span className="muted">{p.age}</span>}
          <CareTags tags={p.tags} />
          {p.overdueDays > 0 && <Tag color="red">⚠ {t('care.daysOverdue', { days: p.overdueDays })}</Tag>}
        </Space>
        <div className="muted care-small">
          {p.address} · {t('care.lastVisit')} {p.lastVisitAt ? dateTime(p.lastVisitAt) : t('care.never')} ·{' '}
          {t('care.every', { days: p.intervalDays })}
        </div>
      </div>
    </List.Item>
  );
}

function People({ overdue, code }: { overdue: boolean; code: string | undefined }) {
  const { t } = useTranslation();
  const list = usePaged<CarePerson>(
    (cursor) => (overdue ? careApi.overdue(code, cursor) : careApi.list(code, cursor)),
    [overdue, code],
  );
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Typography.Text data-testid={overdue ? 'overdue-total' : 'list-total'}>
        {overdue ? t('care.overdueCount', { count: list.total }) : t('care.total', { count: list.total })}
      </Typography.Text>
      <List
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        locale={{ emptyText: t('care.empty') }}
        renderItem={(p) => <PersonItem p={p} />}
      />
      <LoadMore list={list} testId="care-more" />
    </>
  );
}

/** Routes under /care. */
export default function CarePage({ path }: { path: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const account = useAccount();
  const { query } = useLocation();
  const code = query.get('code') ?? undefined;
  const person = matchPath('/care/people/:id', path);
  if (person?.id) return <PersonPage id={person.id} />;
  const visit = matchPath('/care/visits/:id', path);
  if (visit?.id) return <VisitPage id={visit.id} />;
  const tab = path === '/care/list' ? 'list' : 'overdue';
  return (
    <div className="s-pad care-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('care.title')}</Typography.Title>
        {account.role === 'community_staff' && (
          <Button
            onClick={() =>
              void careApi
                .sync()
                .then((r) => message.success(t('care.synced', { listed: r.listed })))
                .catch((e: Error) => message.error(e.message))
            }
          >
            {t('care.sync')}
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(k === 'list' ? '/care/list' : '/care')}
        items={[
          { key: 'overdue', label: t('care.overdueTab'), children: <People overdue code={code} /> },
          { key: 'list', label: t('care.listTab'), children: <People overdue={false} code={code} /> },
        ]}
      />
    </div>
  );
}
