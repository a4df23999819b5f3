/** My notifications (one per change of my cases); opening the page marks them read. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { statusText, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';

/** The page. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const list = useAsync(() => casesApi.notifications(), []);
  useCaseStream(() => list.reload());
  const unread = list.data?.items.filter((n) => !n.read).map((n) => n.id) ?? [];
  const key = unread.join(',');
  useEffect(() => {
    if (key) void casesApi.markRead(key.split(',')).catch(() => undefined);
  }, [key]);
  return (
    <div data-testid="notifications">
      <h1 className="r-hello">{t('cases.notes.title')}</h1>
      {list.error && <p className="alert alert-error">{list.error.message}</p>}
      {list.data && list.data.items.length === 0 && <p className="para">{t('cases.notes.empty')}</p>}
      {list.data?.more && (
        <p className="para muted c-small" data-testid="notifications-more">
          {t('cases.notes.more', { count: list.data.items.length })}
        </p>
      )}
      <ul className="c-list">
        {list.data?.items.map((n) => (
          <li key={n.id}>
            <Link className="c-case" to={`/me/cases/${n.caseId}`}>
              <span className="c-case-top">
                <b>
                  {n.read ? '' : `● ${t('cases.notes.new')} `}
                  {t(`cases.event.${n.type}`, { defaultValue: n.type })}
                </b>
                <span className={`c-status s-${n.status}`}>{statusText(n.status)}</span>
              </span>
              <span className="muted c-small">
                {n.caseNo} · {when(n.at)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
