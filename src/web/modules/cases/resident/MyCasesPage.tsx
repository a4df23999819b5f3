/** My cases (reported or supported), live: the list refetches on every stream event (or poll tick). */
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';
import { usePaged } from '../../../lib/usePaged.ts';
import { statusText, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';

function Row({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const needsMe = c.status === 'resolved' || c.status === 'closed';
  return (
    <li>
      <Link className="c-case" to={`/me/cases/${c.id}`} data-testid="my-case" data-status={c.status} data-id={c.id}>
        <span className="c-case-top">
          <b>{c.categoryName}</b>
          <span className={`c-status s-${c.status}`}>{statusText(c.status)}</span>
        </span>
        <span className="c-case-desc">{c.description}</span>
        <span className="muted c-small">
          {c.no} · {when(c.createdAt)}
          {c.mine === false ? ` · ${t('cases.mine.supported')}` : ''}
        </span>
        {needsMe && (
          <span className="c-todo">
            ☞ {c.status === 'resolved' ? t('cases.mine.pleaseConfirm') : t('cases.mine.pleaseRate')}
          </span>
        )}
      </Link>
    </li>
  );
}

/** The page. */
export default function MyCasesPage() {
  const { t } = useTranslation();
  const list = usePaged((cursor) => casesApi.mine(cursor), []);
  const mode = useCaseStream(() => list.reload());
  return (
    <div data-testid="my-cases">
      <h1 className="r-hello">{t('cases.mine.title')}</h1>
      <p className="para muted c-small" data-live={mode}>
        {mode === 'live'
          ? `● ${t('cases.live')}`
          : mode === 'polling'
            ? `↻ ${t('cases.polling')}`
            : t('cases.connecting')}
      </p>
      <Link className="btn btn-primary btn-block c-report-btn" to="/me/report">
        ＋ {t('cases.home.report')}
      </Link>
      {list.error && <p className="alert alert-error">{list.error.message}</p>}
      {!list.loading && !list.error && list.items.length === 0 && <p className="para">{t('cases.mine.empty')}</p>}
      <ul className="c-list">
        {list.items.map((c) => (
          <Row key={c.id} c={c} />
        ))}
      </ul>
      {list.items.length > 0 && (
        <p className="para muted c-small" data-testid="load-more-count">
          {t('paging.shown', { shown: list.items.length, total: list.total })}
        </p>
      )}
      {list.hasMore && (
        <button
          type="button"
          className="btn btn-block"
          disabled={list.loading}
          onClick={list.loadMore}
          data-testid="load-more"
        >
          {t('paging.more')}
        </button>
      )}
    </div>
  );
}
