/**
 * The facts of a case: number, description, place, media link, public reply, the reporter (only when the
 * server sends it), times and deadline (overdue with ⚠), source, counts, rating, and the photos.
 */
import { useTranslation } from 'react-i18next';
import { Card, Descriptions, Image, Space } from 'antd';
import type { CaseView } from '../../../../api/cases.ts';
import { deadlineText, nextDeadline, when } from '../../labels.ts';

const Item = Descriptions.Item;

/** Props: the case. */
export function CaseFacts({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const due = nextDeadline(c);
  const [lon, lat] = c.location;
  return (
    <Card size="small" title={t('cases.staff.facts')}>
      <Descriptions column={1} size="small" bordered>
        <Item label={t('cases.staff.no')}>{c.no}</Item>
        <Item label={t('cases.staff.description')}>
          <span className="cs-pre">{c.description}</span>
        </Item>
        <Item label={t('cases.staff.place')}>
          {c.address ?? ''} ({lon.toFixed(5)}, {lat.toFixed(5)})
        </Item>
        {c.mediaUrl && (
          <Item label={t('cases.staff.mediaUrl')}>
            <a href={c.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
              {c.mediaUrl}
            </a>
          </Item>
        )}
        {c.publicNote && <Item label={t('cases.staff.publicReplyTag')}>{c.publicNote}</Item>}
        <Item label={t('cases.staff.reporter')}>
          {c.reporter ? `${c.reporter.name ?? ''} ${c.reporter.phone ?? ''}` : t('cases.staff.reporterHidden')}
          {c.hideName ? ` · ${t('cases.staff.publicHidden')}` : ''}
        </Item>
        <Item label={t('cases.staff.reportedAt')}>{when(c.createdAt)}</Item>
        {c.acceptBy && <Item label={t('cases.staff.acceptBy')}>{when(c.acceptBy)}</Item>}
        {c.resolveBy && <Item label={t('cases.staff.resolveBy')}>{when(c.resolveBy)}</Item>}
        {due && (
          <Item label={t('cases.staff.deadline')}>
            {c.overdue ? '⚠ ' : ''}
            {deadlineText(due)}
          </Item>
        )}
        <Item label={t('cases.staff.source')}>
          {t(`cases.source.${c.source ?? 'resident'}`, { defaultValue: c.source ?? '' })}
        </Item>
        <Item label={t('cases.staff.counts')}>
          {t('cases.staff.countsText', { s: c.supporters, r: c.reworkCount ?? 0, e: c.extensionCount ?? 0 })}
        </Item>
        {c.rating ? (
          <Item label={t('cases.staff.rating')}>
            {'★'.repeat(c.rating)} {c.rating}/5 {c.ratingComment ?? ''}
          </Item>
        ) : null}
      </Descriptions>
      {c.photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap className="cs-gap-top">
            {c.photos.map((p) => (
              <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
