/**
 * The grid worker's day on a phone: my queue ordered by the nearest deadline (overdue flagged with ⚠ and words),
 * new cases appearing without a reload (case stream; polling as the fallback), patrol start/stop, and a button
 * to report what the patrol found.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { casesApi, type CaseView } from '../../../api/cases.ts';
import { Link, navigate } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { deadlineText, levelText, nextDeadline } from '../labels.ts';
import { useCaseStream } from '../stream.ts';
import { PatrolCard } from './Patrol.tsx';
import { OverdueTag, StatusTag } from './tags.tsx';

function QueueItem({ c, fresh }: { c: CaseView; fresh: boolean }) {
  const { t } = useTranslation();
  const due = nextDeadline(c);
  return (
    <List.Item
      className={`cq-item${c.overdue ? ' is-overdue' : ''}`}
      data-testid="queue-item"
      data-id={c.id}
      data-status={c.status}
      onClick={() => navigate(`/cases/${c.id}`)}
    >
      <div className="cq-body">
        <Space wrap size={4}>
          {fresh && (
            <Tag color="magenta" data-testid="fresh-tag">
              ✚ {t('cases.staff.new')}
            </Tag>
          )}
          <Typography.Text strong>{c.categoryName}</Typography.Text>
          <StatusTag status={c.status} />
          {c.urgent && <Tag color="red">⚡ {t('cases.urgent')}</Tag>}
          {c.overdue && <OverdueTag />}
          {c.supervised && <Tag color="purple">⚑ {t('cases.supervised')}</Tag>}
          {c.level !== 'grid' && <Tag>{levelText(c.level)}</Tag>}
        </Space>
        <div className="cq-desc">{c.description}</div>
        <Typography.Text type={c.overdue ? 'danger' : 'secondary'}>
          {c.overdue ? '⚠ ' : ''}
          {due ? deadlineText(due) : ''}
          {c.address ? ` · ${c.address}` : ''}
        </Typography.Text>
      </div>
      <Link to={`/cases/${c.id}`} className="cq-open" onClick={(e) => e.stopPropagation()}>
        {t('cases.staff.open')} ›
      </Link>
    </List.Item>
  );
}

/** The page. */
export default function WorkerQueue() {
  const { t } = useTranslation();
  const queue = useAsync(() => casesApi.queue(), []);
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [arrivedId, setArrivedId] = useState<string | null>(null);
  const items = queue.data?.items ?? [];
  const arrived = arrivedId ? items.find((c) => c.id === arrivedId) : undefined;
  if (queue.data && seen.current === null) seen.current = new Set(items.map((c) => c.id));
  const mode = useCaseStream((e) => {
    if (e && seen.current && !seen.current.has(e.id)) {
      seen.current.add(e.id);
      setFresh((s) => new Set(s).add(e.id));
      setArrivedId(e.id);
    }
    queue.reload();
  });
  const overdue = items.filter((c) => c.overdue).length;
  return (
    <div className="s-pad cq" data-testid="worker-queue" data-live={mode}>
      <Space wrap className="cs-gap" align="center">
        <Typography.Title level={3} className="cs-title">
          {t('cases.staff.queueTitle')}
        </Typography.Title>
        <Badge count={queue.data?.total ?? items.length} overflowCount={9999} showZero color="#0b57c2" />
        <Typography.Text type="secondary" data-testid="live-state">
          {mode === 'live'
            ? `● ${t('cases.live')}`
            : mode === 'polling'
              ? `↻ ${t('cases.polling')}`
              : t('cases.connecting')}
        </Typography.Text>
      </Space>
      {queue.data?.more && (
        <Alert
          type="warning"
          showIcon
          className="cs-gap"
          data-testid="queue-more"
          title={t('cases.staff.queueMore', { shown: items.length, total: queue.data.total })}
        />
      )}
      {overdue > 0 && (
        <Alert type="error" showIcon className="cs-gap" title={t('cases.staff.overdueCount', { count: overdue })} />
      )}
      {arrived && (
        <Alert
          type="info"
          showIcon
          className="cs-gap"
          title={t('cases.staff.arrived', { what: arrived.categoryName, no: arrived.no })}
          role="status"
          closable
          onClose={() => setArrivedId(null)}
        />
      )}
      <Card size="small" className="cs-gap">
        {queue.error && <Alert type="error" title={queue.error.message} />}
        {queue.data && items.length === 0 ? (
          <Empty description={t('cases.staff.queueEmpty')} />
        ) : (
          <List
            loading={queue.loading && !queue.data}
            dataSource={items}
            renderItem={(c) => <QueueItem key={c.id} c={c} fresh={fresh.has(c.id)} />}
          />
        )}
      </Card>
      <Space direction="vertical" className="cs-full">
        <PatrolCard />
        <Button size="large" block onClick={() => navigate('/me/report')} data-testid="worker-report">
          ＋ {t('cases.staff.reportFound')}
        </Button>
      </Space>
    </div>
  );
}
