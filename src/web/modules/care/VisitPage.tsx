/** One visit: what was found, where, and the one-tap "turn into a case" (then a link to the case). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Descriptions, Select, Space, Typography } from 'antd';
import { casesApi } from '../../api/cases.ts';
import { Link } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { categoryName } from '../cases/labels.ts';
import { careApi } from './api.ts';

/** The page. */
export default function VisitPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const card = useAsync(() => careApi.visit(id), [id]);
  const cats = useAsync(() => casesApi.categories(), []);
  const [category, setCategory] = useState('X06');
  const [busy, setBusy] = useState(false);
  if (card.error) return <Alert className="s-pad" type="error" showIcon title={card.error.message} />;
  const c = card.data;
  if (!c) return null;
  const v = c.visit;
  const toCase = async () => {
    setBusy(true);
    try {
      await careApi.toCase(id, category);
      card.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="s-pad care-page" data-testid="care-visit">
      <Typography.Title level={3}>{t('care.visit')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('care.person')}>
            <Link to={`/care/people/${c.person.residentId}`}>{c.person.name}</Link> {c.person.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.visitedAt')}>{dateTime(v.visitedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('care.visitedBy')}>{v.visitorName}</Descriptions.Item>
          <Descriptions.Item label={t('care.found')}>
            <span data-testid="visit-found-text">{v.found ?? '—'}</span>
          </Descriptions.Item>
          {v.followUp && <Descriptions.Item label={t('care.followUp')}>{v.followUp}</Descriptions.Item>}
          {v.lon !== null && v.lat !== null && (
            <Descriptions.Item label={t('care.gps')}>
              {v.lon.toFixed(5)}, {v.lat.toFixed(5)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {v.caseId ? (
          <Card>
            <Typography.Text strong>{t('care.caseOpened')}</Typography.Text>{' '}
            <Link to={`/cases/${v.caseId}`} data-testid="visit-case-link">
              {t('care.openCase')}
            </Link>
          </Card>
        ) : (
          c.may.toCase && (
            <Card title={t('care.toCase')}>
              <Space wrap>
                <Select
                  style={{ minWidth: 220 }}
                  value={category}
                  onChange={setCategory}
                  aria-label={t('care.category')}
                  options={(cats.data?.categories ?? []).map((x) => ({ value: x.code, label: categoryName(x) }))}
                />
                <Button type="primary" size="large" loading={busy} onClick={() => void toCase()} data-testid="to-case">
                  {t('care.toCase')}
                </Button>
              </Space>
            </Card>
          )
        )}
      </Space>
    </div>
  );
}
