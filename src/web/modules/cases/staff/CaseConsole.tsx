/**
 * Staff console (desk): the case list with filters (place, status, class, level, overdue, supervised, dates,
 * search), the map of cases (clusters + heat, lazy MapLibre), and the overdue list. Live via the case stream.
 */
import CalendarBanner from './CalendarBanner.tsx';
import { STATUSES as CASE_STATUSES } from '../../../../server/modules/cases/domain/status.ts';
import { shanghaiDayBound } from '../../../../shared/time.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { casesApi, type CaseFilters, type CaseStatus, type CaseView } from '../../../api/cases.ts';
import { useAccount } from '../../../app/auth.tsx';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { usePaged, type PagedState } from '../../../lib/usePaged.ts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { useCommunities } from '../../../lib/places.ts';
import { placeName } from '../../../lib/format.ts';
import { Loading } from '../../../components/Loading.tsx';
import { categoryName, deadlineText, levelText, nextDeadline, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';
import { OverdueTag, StatusTag } from './tags.tsx';

const CasesMap = lazy(() => import('./CasesMap.tsx'));

const STATUSES: readonly CaseStatus[] = CASE_STATUSES;
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

/** A cursor-paged case list: the rows loaded so far, then "shown N of M" and a button for the next page. */
function CaseTable({ list, testId }: { list: PagedState<CaseView>; testId: string }) {
  const columns = useColumns();
  return (
    <>
      <Table<CaseView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        scroll={{ x: 900 }}
        pagination={false}
        onRow={(c) =>
          ({
            onClick: () => navigate(`/cases/${c.id}`),
            className: 's-clickable',
            'data-testid': 'case-row',
            'data-id': c.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <LoadMore list={list} testId={testId} />
    </>
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
    pageSize: 50,
  };
  const key = JSON.stringify(filters);
  const list = usePaged((cursor) => (tab === 'list' ? casesApi.list({ ...filters, cursor }) : undefined), [key, tab]);
  const overdueList = usePaged(
    (cursor) => (tab === 'overdue' ? casesApi.overdue(code, cursor) : undefined),
    [code, tab],
  );
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
  };
  // Any filter change reloads from the first page (usePaged restarts when the filters change).
  const p1 =
    <T,>(fn: (v: T) => void) =>
    (v: T) =>
      fn(v);

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
        onSearch={(v) => setQApplied(v.trim())}
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
                  {t('search.total', { total: list.total })}
                </Typography.Paragraph>
                <CaseTable list={list} testId="case-more" />
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
                <CaseTable list={overdueList} testId="overdue-more" />
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
