/** One notice: text, read counts per grid, and for an urgent one the walk list of each grid. */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useAccount } from '../../app/auth.tsx';
import { navigate } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { noticesApi } from '../care/api.ts';

/** The page. */
export default function NoticeDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const account = useAccount();
  const d = useAsync(() => noticesApi.detail(id), [id]);
  if (d.error) return <Alert className="s-pad" type="error" showIcon title={d.error.message} />;
  if (!d.data) return null;
  const n = d.data.notice;
  const canWalk = n.urgent && (account.role === 'grid_worker' || account.role === 'community_staff');
  return (
    <div className="s-pad care-page" data-testid="notice-detail">
      <Typography.Title level={3}>
        {n.urgent && <Tag color="red">⚡ {t('care.notices.urgent')}</Tag>} {n.title}
      </Typography.Title>
      <Typography.Paragraph>{n.body}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {n.scope.label} · {dateTime(n.sentAt)} · {t('care.notices.reads', { read: n.read, total: n.households })}
        {n.told > 0 && ` · ${t('care.notices.told', { count: n.told })}`}
      </Typography.Paragraph>
      {canWalk && account.role === 'grid_worker' && (
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(`/notices/${id}/walk`)}
          data-testid="walk-open"
        >
          {t('care.notices.walk')}
        </Button>
      )}
      <Card title={t('care.notices.perGrid')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey={(g) => g.gridCode ?? '-'}
          pagination={false}
          dataSource={d.data.grids}
          columns={[
            { title: t('care.notices.grid'), render: (_, g) => g.gridName ?? '—' },
            { title: t('care.notices.households'), dataIndex: 'households' },
            { title: t('care.notices.read'), dataIndex: 'read' },
            { title: t('care.notices.tell'), dataIndex: 'told' },
            ...(canWalk && account.role === 'community_staff'
              ? [
                  {
                    title: '',
                    render: (_: unknown, g: { gridCode: string | null }) =>
                      g.gridCode && (
                        <Button size="small" onClick={() => navigate(`/notices/${id}/walk?grid=${g.gridCode}`)}>
                          {t('care.notices.walk')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
