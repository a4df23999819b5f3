/**
 * Staff console (desk): the case list with filters (place, status, class, level, overdue, supervised, dates,
 * search), the map of cases (clusters + heat, lazy MapLibre), and the overdue list. Live via the case stream.
 */
import CalendarBanner from './CalendarBanner.tsx';
import { shanghaiDayBound } from '../../../../shared/time.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { casesApi, type CaseFilters, type CaseStatus, type CaseView } from '../../../api/cases.ts';
import { useAccount } from '../../../app/auth.tsx';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { useCommunities } from '../../../lib/places.ts';
import { placeName } from '../../../lib/format.ts';
import { Loading } from '../../../components/Loading.tsx';
import { categoryName, deadlineText, levelText, nextDeadline, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';
import { OverdueTag, StatusTag } from './tags.tsx';

const CasesMap = lazy(() => import('./CasesMap.tsx'));

const STATUSES: CaseStatus[] = [
  'registered',
  'dispatched',
  'handling',
  'resolved',
  'closed',
  'evaluated',
  'cancelled',
  'merged',
];
const LEVELS = ['grid', 'community', 'street', 'district'] as const;

function useColumns(): ColumnsType<CaseView> {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        title: t('cases.staff.no'),
        dataIndex: 'no',
        width: 150,
        render: (no: string, c) => <Link to={`/cases/${c.id}`}>{no}</Link>,
      },
      {
        title: t('cases.staff.category'),
        dataIndex: 'categoryName',
        render: (n: string, c) => (
          <Space size={4} wrap>
            {n}
            {c.urgent && <Tag color="red">⚡ {t('cases.urgent')}</Tag>}
          </Space>
        ),
      },
      { title: t('cases.staff.description'), dataIndex: 'description', ellipsis: true },
      {
        title: t('cases.staff.status'),
        dataIndex: 'status',
        width: 190,
        render: (s: CaseStatus, c) => (
          <Space size={4} wrap>
            <StatusTag status={s} />
            {c.overdue && <OverdueTag />}
            {c.supervised && <Tag color="purple">⚑ {t('cases.supervised')}</Tag>}
          </Space>
        ),
      },
      { title: t('cases.staff.level'), dataIndex: 'level', width: 90, render: (l: CaseView['level']) => levelText(l) },
      {
        title: t('cases.staff.deadline'),
        key: 'due',
        width: 150,
        render: (_: unknown, c) => {
          const d = nextDeadline(c);
          return d ? `${c.overdue ? '⚠ ' : ''}${deadlineText(d)}` : '—';
        },
      },
      { title: t('cases.staff.reportedAt'), dataIndex: 'createdAt', width: 130, render: (v: string) => when(v) },
    ],
    [t],
  );
}

function CaseTable({
  items,
  total,
  loading,
  page,
  onPage,
}: {
  items: CaseView[];
  total: number;
  loading: boolean;
  /** Server-side paging; omitted → the table pages the items itself. */
  page?: number;
  onPage?(p: number): void;
}) {
  const columns = useColumns();
  return (
    <Table<CaseView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
      pagination={
        onPage
          ? { current: page, total, pageSize: 20, showSizeChanger: false, onChange: onPage }
          : { pageSize: 20, showSizeChanger: false }
      }
      onRow={(c) =>
        ({
          onClick: () => navigate(`/cases/${c.id}`),
          className: 's-clickable',
          'data-testid': 'case-row',
          'data-id': c.id,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** The page. */
export default function CaseConsole() {
  const { t } = useTranslation();
  const account = useAccount();
  const { query } = useLocation();
  const tab = query.get('tab') ?? 'list';
  const communities = useCommunities(account);
  const cats = useAsync(() => casesApi.categories(), []);
  const [code, setCode] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string[]>([]);
  const [categoryCode, setCategory] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [supervised, setSupervised] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const [qApplied, setQApplied] = useState('');
  const [page, setPage] = useState(1);

  const filters: CaseFilters = {
    code,
    status: status.join(',') || undefined,
    categoryCode,
    level,
    overdue,
    supervised,
    from: shanghaiDayBound(from),
    to: shanghaiDayBound(to, true),
    q: qApplied || undefined,
    page,
    pageSize: 20,
  };
  const key = JSON.stringify(filters);
  const list = useAsync(() => (tab === 'list' ? casesApi.list(filters) : undefined), [key, tab]);
  const overdueList = useAsync(() => (tab === 'overdue' ? casesApi.overdue(code) : undefined), [code, tab]);
  const parked = useAsync(() => (tab === 'overdue' ? casesApi.parkedJobs(code) : undefined), [code, tab]);
  const [mapTick, setMapTick] = useState(0);
  useCaseStream(() => {
    if (tab === 'list') list.reload();
    else if (tab === 'overdue') {
      overdueList.reload();
      parked.reload();
    } else setMapTick((n) => n + 1);
  });

  const reset = () => {
    setStatus([]);
    setCategory(undefined);
    setLevel(undefined);
    setOverdue(false);
    setSupervised(false);
    setFrom('');
    setTo('');
    setQ('');
    setQApplied('');
    setPage(1);
  };
  const p1 =
    <T,>(fn: (v: T) => void) =>
    (v: T) => {
      fn(v);
      setPage(1);
    };

  const filterBar = (
    <div className="cc-filters" data-testid="case-filters">
      {(communities.data?.length ?? 0) > 1 && (
        <Select
          allowClear
          placeholder={t('cases.staff.allPlaces')}
          value={code}
          onChange={p1(setCode)}
          options={communities.data?.map((c) => ({ value: c.code, label: placeName(c) }))}
          aria-label={t('cases.staff.place')}
        />
      )}
      <Select
        mode="multiple"
        allowClear
        placeholder={t('cases.staff.status')}
        value={status}
        onChange={p1(setStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        style={{ minWidth: 160 }}
        aria-label={t('cases.staff.status')}
        data-testid="filter-status"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('cases.staff.category')}
        value={categoryCode}
        onChange={p1(setCategory)}
        options={cats.data?.categories.map((c) => ({ value: c.code, label: `${categoryName(c)} (${c.code})` }))}
        style={{ minWidth: 180 }}
        aria-label={t('cases.staff.category')}
      />
      <Select
        allowClear
        placeholder={t('cases.staff.level')}
        value={level}
        onChange={p1(setLevel)}
        options={LEVELS.map((l) => ({ value: l, label: levelText(l) }))}
        aria-label={t('cases.staff.level')}
        data-testid="filter-level"
      />
      <Checkbox checked={overdue} onChange={(e) => p1(setOverdue)(e.target.checked)} data-testid="filter-overdue">
        ⚠ {t('cases.staff.onlyOverdue')}
      </Checkbox>
      <Checkbox checked={supervised} onChange={(e) => p1(setSupervised)(e.target.checked)}>
        ⚑ {t('cases.staff.onlySupervised')}
      </Checkbox>
      <Input
        type="date"
        value={from}
        onChange={(e) => p1(setFrom)(e.target.value)}
        aria-label={t('cases.staff.from')}
        style={{ width: 150 }}
      />
      <Input
        type="date"
        value={to}
        onChange={(e) => p1(setTo)(e.target.value)}
        aria-label={t('cases.staff.to')}
        style={{ width: 150 }}
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => {
          setQApplied(v.trim());
          setPage(1);
        }}
        placeholder={t('cases.staff.search')}
        style={{ width: 220 }}
      />
      <Button onClick={reset}>{t('cases.staff.reset')}</Button>
    </div>
  );

  return (
    <div className="s-pad" data-testid="case-console">
      <Space wrap align="center" className="cs-gap">
        <Typography.Title level={3} className="cs-title">
          {t('cases.staff.consoleTitle')}
        </Typography.Title>
        <Link to="/cases/metrics">{t('nav.caseMetrics')} ›</Link>
      </Space>
      <CalendarBanner />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(k === 'list' ? '/cases' : `/cases?tab=${k}`, true)}
        items={[
          {
            key: 'list',
            label: t('cases.staff.tabList'),
            children: (
              <>
                {filterBar}
                {list.error && <Alert type="error" showIcon title={list.error.message} className="cs-gap" />}
                <Typography.Paragraph type="secondary" data-testid="case-total">
                  {t('search.total', { total: list.data?.total ?? 0 })}
                </Typography.Paragraph>
                <CaseTable
                  items={list.data?.items ?? []}
                  total={list.data?.total ?? 0}
                  loading={list.loading}
                  page={page}
                  onPage={setPage}
                />
              </>
            ),
          },
          {
            key: 'map',
            label: t('cases.staff.tabMap'),
            children: (
              <Suspense fallback={<Loading />}>
                {tab === 'map' && <CasesMap code={code ?? communities.data?.[0]?.code} tick={mapTick} />}
              </Suspense>
            ),
          },
          {
            key: 'overdue',
            label: t('cases.staff.tabOverdue'),
            children: (
              <Card size="small">
                {overdueList.error && <Alert type="error" showIcon title={overdueList.error.message} />}
                {(parked.data?.items.length ?? 0) > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="parked-jobs"
                    title={t('cases.staff.parkedJobs', { count: parked.data?.items.length ?? 0 })}
                    description={parked.data?.items.map((j) => (
                      <div key={`${j.caseId}-${j.kind}-${j.level}`}>
                        <Link to={`/cases/${j.caseId}`}>{j.no}</Link> · {levelText(j.level)} · {j.lastError}{' '}
                        <Button
                          size="small"
                          onClick={() => void casesApi.retryJobs(j.caseId).then(parked.reload, parked.reload)}
                        >
                          {t('cases.staff.retryJob')}
                        </Button>
                      </div>
                    ))}
                  />
                )}
                <CaseTable
                  items={overdueList.data?.items ?? []}
                  total={overdueList.data?.items.length ?? 0}
                  loading={overdueList.loading}
                />
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
