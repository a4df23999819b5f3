/** The case's full history as a timeline: event, status change, reason, who and when, note, attributes, photos. */
import { useTranslation } from 'react-i18next';
import { Card, Image, Space, Tag, Timeline, Typography } from 'antd';
import type { CaseEvent } from '../../../../api/cases.ts';
import { statusText, when } from '../../labels.ts';

/** One event's entry. */
function EventEntry({ e }: { e: CaseEvent }) {
  const { t } = useTranslation();
  return (
    <div>
      <div>
        <b>{t(`cases.event.${e.type}`, { defaultValue: e.type })}</b>
        {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${statusText(e.toStatus)}` : ''}
        {e.data && typeof e.data.reason === 'string'
          ? ` · ${t(`cases.reason.${e.data.reason}`, { defaultValue: e.data.reason })}`
          : ''}
      </div>
      <Typography.Text type="secondary">
        {when(e.at)} ·{' '}
        {e.actor
          ? `${e.actor.name ?? ''} (${t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })})`
          : t('cases.staff.system')}
      </Typography.Text>
      {e.note && <div className="cs-pre">{e.note}</div>}
      {typeof e.data?.attributes === 'object' && e.data.attributes !== null && (
        <div>
          {t('cases.staff.attributes')}:{' '}
          {Object.entries(e.data.attributes as Record<string, unknown>)
            .map(([k, v]) => `${k} = ${[v].flat().join(', ')}`)
            .join('; ')}
        </div>
      )}
      {e.note && e.data?.public === true && <Tag color="blue">{t('cases.staff.publicReplyTag')}</Tag>}
      {e.photos.length > 0 && (
        <Space wrap>
          {e.photos.map((p) => (
            <Image key={p.id} src={p.url} width={64} height={64} style={{ objectFit: 'cover' }} />
          ))}
        </Space>
      )}
    </div>
  );
}

/** Props: the events, oldest first. */
export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.detail.history')} data-testid="history">
      <Timeline items={events.map((e) => ({ key: e.id, content: <EventEntry e={e} /> }))} />
    </Card>
  );
}
