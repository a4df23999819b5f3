/** The grid worker's walk list for an urgent notice: unread households in walking order, "told in person". */
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, List, Space, Typography } from 'antd';
import { useLocation } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { noticesApi } from '../care/api.ts';

/** The page. */
export default function WalkPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { query } = useLocation();
  const grid = query.get('grid') ?? undefined;
  const w = useAsync(() => noticesApi.walk(id, grid), [id, grid]);
  const tell = (householdId: string) =>
    void noticesApi.tell(id, householdId).then(w.reload, (e: Error) => message.error(e.message));
  return (
    <div className="s-pad care-page" data-testid="walk-page">
      <Typography.Title level={4}>{t('care.notices.walkTitle')}</Typography.Title>
      {w.error && <Alert type="error" showIcon title={w.error.message} />}
      {w.data?.start && (
        <Typography.Text type="secondary">{t('care.notices.walkStart', { name: w.data.start })}</Typography.Text>
      )}
      <List
        loading={w.loading && !w.data}
        dataSource={w.data?.items ?? []}
        locale={{ emptyText: t('care.notices.walkEmpty') }}
        renderItem={(h) => (
          <List.Item
            className={`walk-item${h.toldAt ? ' is-told' : ''}`}
            data-testid="walk-item"
            data-household={h.householdId}
            data-told={h.toldAt ? 'yes' : 'no'}
          >
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>
                <span className="walk-order">{h.order}.</span> {h.building ?? ''} {h.unit}-{h.room} · {h.ownerName}
              </span>
              {h.toldAt ? (
                <Typography.Text type="success">
                  ✓ {t('care.notices.toldAt', { time: dateTime(h.toldAt) })}
                </Typography.Text>
              ) : (
                <Button size="large" onClick={() => tell(h.householdId)} data-testid="tell">
                  {t('care.notices.tell')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
