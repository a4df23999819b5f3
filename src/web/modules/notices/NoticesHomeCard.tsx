/** The resident home's notices card: a link to the notices with the unread count (urgent ones first in words). */
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { noticesApi } from '../care/api.ts';

/** The home card: a link with the unread count. */
export function NoticesHomeCard() {
  const { t } = useTranslation();
  const mine = useAsync(() => noticesApi.mine(), []);
  const unread = mine.data?.items.filter((n) => !n.read).length ?? 0;
  const urgent = mine.data?.items.some((n) => n.urgent && !n.read) ?? false;
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title">{t('care.notices.mine')}</h2>
      <Link className={`btn btn-block${urgent ? ' btn-primary' : ''}`} to="/me/notices" data-testid="notices-link">
        {urgent ? `⚡ ${t('care.notices.urgent')} · ` : ''}
        {t('care.notices.mine')}
        {unread > 0 && (
          <span className="r-state">
            {' '}
            {t('care.notices.unread')} {unread}
          </span>
        )}
      </Link>
    </section>
  );
}
