/**
 * The cases entry on the resident home: the one-tap 报事/随手拍 button, my cases (with how many wait for me),
 * notifications (unread count) and, for residents living alone, 一键求助. Small: no map, no photos here.
 */
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { HelpButton, type HelpWorker } from './HelpButton.tsx';

/** Tag of residents who get the help button. */
export const LIVING_ALONE = '独居老人';

/** Home card; `canHelp` when the resident is tagged 独居老人, `worker` the grid worker who would answer. */
export function CasesHomeCard({ canHelp, worker }: { canHelp: boolean; worker?: HelpWorker | undefined }) {
  const { t } = useTranslation();
  const mine = useAsync(() => casesApi.mine(), []);
  const notes = useAsync(() => casesApi.notifications(), []);
  const waiting =
    mine.data?.items.filter((c) => c.mine !== false && (c.status === 'resolved' || c.status === 'closed')).length ?? 0;
  const open =
    mine.data?.items.filter((c) => !['closed', 'evaluated', 'cancelled', 'merged'].includes(c.status)).length ?? 0;
  const unread = notes.data?.items.filter((n) => !n.read).length ?? 0;
  return (
    <>
      {canHelp && <HelpButton worker={worker} />}
      <section className="card c-home" aria-labelledby="cases-title">
        <h2 id="cases-title">{t('cases.home.title')}</h2>
        <Link className="btn btn-primary btn-block c-report-btn" to="/me/report" data-testid="report-button">
          <span aria-hidden="true">＋</span> {t('cases.home.report')}
        </Link>
        <p className="para muted c-small">{t('cases.home.reportHint')}</p>
        <div className="c-row">
          <Link className="btn c-grow" to="/me/cases" data-testid="my-cases-link">
            {t('cases.home.mine')}
            {open > 0 && <span className="r-state">{t('cases.home.open', { count: open })}</span>}
          </Link>
          <Link className="btn c-grow" to="/me/notifications" data-testid="notifications-link">
            {t('cases.home.notifications')}
            {unread > 0 && <span className="r-state">{t('cases.home.unread', { count: unread })}</span>}
          </Link>
        </div>
        {waiting > 0 && (
          <p className="para c-todo" data-testid="waiting-for-me">
            ☞ {t('cases.home.waiting', { count: waiting })}
          </p>
        )}
      </section>
    </>
  );
}
