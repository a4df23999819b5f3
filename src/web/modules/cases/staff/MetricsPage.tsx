/**
 * 考核指标: 响应率, 解决率, 满意率, 结案率, 按期结案率, 返工率, 延期率 per grid / community / street for a time range,
 * with the definitions (from the server), a chart (ECharts, lazy chunk) and the xlsx export.
 */
import { shanghaiDayBound } from '../../../../shared/time.ts';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { casesApi, RATE_KEYS, type MetricsRow, type RateKey } from '../../../api/cases.ts';
import { useAccount } from '../../../app/auth.tsx';
import { Link } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { Loading } from '../../../components/Loading.tsx';
import { currentLang } from '../../../i18n/index.ts';

const MetricsChart = lazy(() => import('./MetricsChart.tsx'));

function pct(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** The page. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const scopeLen = account.scope.code.length;
  const groupOptions = (['grid', 'community', 'street'] as const).filter((g) => {
    const len = { grid: 14, community: 12, street: 9 }[g];
    return len > scopeLen || g === 'grid';
  });
  const [groupBy, setGroupBy] = useState<string>(scopeLen <= 9 ? 'community' : 'grid');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chartKeys, setChartKeys] = useState<RateKey[]>(['response', 'resolution', 'satisfaction', 'onTimeClosure']);
  const params = { code: account.scope.code, groupBy, from: shanghaiDayBound(from), to: shanghaiDayBound(to, true) };
  const data = useAsync(() => casesApi.metrics(params), [JSON.stringify(params)]);
  const lang = currentLang();

  const columns: ColumnsType<MetricsRow> = [
    { title: t('cases.metrics.unit'), dataIndex: 'name', fixed: 'left', width: 140 },
    { title: t('cases.metrics.registered'), dataIndex: 'registered', width: 80, align: 'right' },
    { title: t('cases.metrics.due'), dataIndex: 'due', width: 80, align: 'right' },
    { title: t('cases.metrics.closed'), dataIndex: 'closed', width: 80, align: 'right' },
    ...RATE_KEYS.map((k) => ({
      title: t(`cases.metrics.${k}`),
      key: k,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, r: MetricsRow) => <span data-rate={k}>{pct(r.rates[k])}</span>,
    })),
  ];

  return (
    <div className="s-pad" data-testid="metrics-page">
      <Space wrap align="center" className="cs-gap">
        <Typography.Title level={3} className="cs-title">
          {t('cases.metrics.title')}
        </Typography.Title>
        <Link to="/cases">‹ {t('nav.cases')}</Link>
      </Space>
      <div className="cc-filters">
        <Select
          value={groupBy}
          onChange={setGroupBy}
          options={groupOptions.map((g) => ({ value: g, label: t(`cases.metrics.by.${g}`) }))}
          aria-label={t('cases.metrics.groupBy')}
        />
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-label={t('cases.staff.from')}
          style={{ width: 150 }}
        />
        <Input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-label={t('cases.staff.to')}
          style={{ width: 150 }}
        />
        <Button href={casesApi.metricsXlsxUrl(params)} data-testid="metrics-xlsx">
          ⬇ {t('cases.metrics.xlsx')}
        </Button>
      </div>
      {data.error && <Alert type="error" showIcon title={data.error.message} className="cs-gap" />}
      <Card size="small" className="cs-gap">
        <Table<MetricsRow>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={data.data?.rows ?? []}
          loading={data.loading}
          pagination={false}
          scroll={{ x: 1000 }}
        />
      </Card>
      <Card
        size="small"
        className="cs-gap"
        title={t('cases.metrics.chart')}
        extra={
          <Select
            mode="multiple"
            value={chartKeys}
            onChange={setChartKeys}
            style={{ minWidth: 240, maxWidth: 520 }}
            options={RATE_KEYS.map((k) => ({ value: k, label: t(`cases.metrics.${k}`) }))}
            aria-label={t('cases.metrics.chartPick')}
          />
        }
      >
        <Suspense fallback={<Loading />}>
          {data.data && <MetricsChart rows={data.data.rows} keys={chartKeys} />}
        </Suspense>
      </Card>
      <Card size="small" title={t('cases.metrics.definitions')} data-testid="metrics-definitions">
        <ul className="cm-defs">
          {RATE_KEYS.map((k) => {
            const d = data.data?.definitions[k];
            return <li key={k}>{d ? (lang === 'en' ? d.en : d.zh) : t(`cases.metrics.${k}`)}</li>;
          })}
        </ul>
      </Card>
    </div>
  );
}
