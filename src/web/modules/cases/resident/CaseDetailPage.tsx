/**
 * One of my cases: status in words, the steps, photos, the handlers' notes; when it is 已反馈 the
 * "fixed? yes / no" question, when 已结案 the 1–5 rating with a comment. Live through the case stream.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../api/cases.ts';
import { useLocation } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { useSubmit } from '../../../lib/useSubmit.ts';
import { levelText, statusText, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';
import { CaseSteps } from './CaseSteps.tsx';

function Confirm({ c, onDone }: { c: CaseView; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const send = async (fixed: boolean) => {
    if (await run(() => casesApi.confirm(c.id, fixed, note.trim() || undefined))) onDone();
  };
  return (
    <section className="card c-ask" aria-labelledby="confirm-title" data-testid="confirm-panel">
      <h2 id="confirm-title">{t('cases.detail.fixedQ')}</h2>
      {c.lastNote && <p className="para">{t('cases.detail.handlerSays', { note: c.lastNote })}</p>}
      <label className="field">
        <span>{t('cases.detail.noteOptional')}</span>
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="c-row">
        <button
          type="button"
          className="btn btn-primary c-grow"
          disabled={busy}
          onClick={() => void send(true)}
          data-testid="fixed-yes"
        >
          ✓ {t('cases.detail.fixedYes')}
        </button>
        <button
          type="button"
          className="btn c-grow"
          disabled={busy}
          onClick={() => void send(false)}
          data-testid="fixed-no"
        >
          ✕ {t('cases.detail.fixedNo')}
        </button>
      </div>
    </section>
  );
}

function Rate({ c, onDone }: { c: CaseView; onDone(): void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useSubmit();
  const send = async () => {
    if (await run(() => casesApi.rate(c.id, score, comment.trim() || undefined))) onDone();
  };
  return (
    <section className="card c-ask" aria-labelledby="rate-title" data-testid="rate-panel">
      <h2 id="rate-title">{t('cases.detail.rateQ')}</h2>
      <div className="c-stars" role="radiogroup" aria-label={t('cases.detail.rateQ')}>
        {/* Native radios (visually hidden) inside the star labels: arrow keys and screen readers work as usual. */}
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`btn c-star ${score >= n ? 'is-on' : ''}`} data-score={n}>
            <input
              type="radio"
              className="sr-only"
              name="rate-score"
              value={n}
              checked={score === n}
              onChange={() => setScore(n)}
            />
            <span aria-hidden="true">{score >= n ? '★' : '☆'}</span>
            <span className="c-star-n">{n}</span>
          </label>
        ))}
      </div>
      <p className="para" aria-live="polite">
        {score
          ? t('cases.detail.scoreText', { n: score, label: t(`cases.detail.score${score}`) })
          : t('cases.detail.pickScore')}
      </p>
      <label className="field">
        <span>{t('cases.detail.comment')}</span>
        <textarea
          className="c-textarea"
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={busy || !score}
        onClick={() => void send()}
        data-testid="rate-submit"
      >
        {t('cases.detail.rateSubmit')}
      </button>
    </section>
  );
}

/** The page. */
export default function CaseDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { query } = useLocation();
  const one = useAsync(() => casesApi.one(id), [id]);
  const history = useAsync(() => casesApi.history(id), [id]);
  const reload = () => {
    one.reload();
    history.reload();
  };
  useCaseStream((e) => {
    if (!e || e.id === id) reload();
  });
  const c = one.data?.case;
  if (one.error) return <p className="alert alert-error">{one.error.message}</p>;
  if (!c) return <p className="para muted">{t('app.loading')}</p>;
  const allowed = c.allowed ?? [];
  const canConfirm = allowed.includes('confirm') || (c.mine && c.status === 'resolved');
  const canRate = allowed.includes('rate') || (c.mine && c.status === 'closed');
  return (
    <div className="c-detail" data-testid="case-detail" data-status={c.status} data-id={c.id}>
      {query.get('new') && (
        <p className="alert alert-ok" role="status">
          {t('cases.detail.created', { no: c.no })}
        </p>
      )}
      {query.get('supported') && (
        <p className="alert alert-ok" role="status">
          {t('cases.detail.supported')}
        </p>
      )}
      <h1 className="r-hello">{c.categoryName}</h1>
      <p className="para">
        <span className={`c-status c-status-big s-${c.status}`} data-testid="case-status">
          {statusText(c.status)}
        </span>
      </p>
      <p className="para muted c-small">
        {c.no} · {t('cases.detail.reportedAt', { at: when(c.createdAt) })} ·{' '}
        {t('cases.detail.holder', { level: levelText(c.level) })}
      </p>
      <CaseSteps status={c.status} />
      {canConfirm && <Confirm c={c} onDone={reload} />}
      {canRate && <Rate c={c} onDone={reload} />}
      {c.status === 'evaluated' && c.rating && (
        <p className="alert alert-ok" data-testid="rated">
          {t('cases.detail.thanks', { n: c.rating })}
        </p>
      )}
      <section className="card">
        <h2>{t('cases.detail.what')}</h2>
        <p className="para c-pre">{c.description}</p>
        {c.address && <p className="para">{t('cases.detail.where', { address: c.address })}</p>}
        <p className="para muted c-small">
          {c.hideName ? t('cases.detail.nameHidden') : t('cases.detail.nameShown')}
          {c.supporters > 0 ? ` · ${t('cases.supporters', { count: c.supporters })}` : ''}
        </p>
        {c.photos.length > 0 && (
          <ul className="c-thumbs">
            {c.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img src={p.url} alt={t('cases.report.photoN', { n: i + 1 })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('cases.detail.history')}</h2>
        {history.error && <p className="para muted">{history.error.message}</p>}
        <ol className="c-timeline">
          {history.data?.events.map((e) => (
            <li key={e.id}>
              <span className="c-small muted">{when(e.at)}</span>
              <span>
                <b>{t(`cases.event.${e.type}`, { defaultValue: e.type })}</b>
                {e.toStatus ? ` → ${statusText(e.toStatus)}` : ''}
              </span>
              {e.note && <span className="c-pre">{e.note}</span>}
              {e.photos.length > 0 && (
                <span className="c-thumbs-inline">
                  {e.photos.map((p) => (
                    <img key={p.id} src={p.url} alt="" loading="lazy" />
                  ))}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
