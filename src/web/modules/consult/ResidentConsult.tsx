/** The resident's consultation pages on the phone: topics of their scope (/me/consult) and one topic with voting. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultApi, type TopicLine, type TopicView } from '../../api/consult.ts';
import { Link } from '../../app/router.tsx';
import { TopicBody, VoteBlock } from './TopicView.tsx';

/** /me/consult: the topics whose scope holds the resident's home. */
export function ConsultList() {
  const { t } = useTranslation();
  const [items, setItems] = useState<TopicLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    consultApi.topics().then(
      (r) => setItems(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <div data-testid="consult-list">
      <h1 className="r-hello">{t('consult.title')}</h1>
      {error && <p className="alert alert-error">{error}</p>}
      {items?.length === 0 && <p className="para">{t('consult.empty')}</p>}
      <ul className="c-list">
        {items?.map((i) => (
          <li key={i.id}>
            <Link className="c-case" to={`/me/consult/${i.id}`} data-testid="topic-link">
              <b>{i.title}</b>
              <span className="muted c-small">
                {i.scopeName} · {t(`consult.stage.${i.stage}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** /me/consult/:id: the topic, and the resident's ballot for each open vote. */
export function ConsultTopic({ id }: { id: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<TopicView | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const load = useCallback(() => consultApi.topic(id).then(setView, (e: Error) => setMsg(e.message)), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!view) return <p className="para">{msg ?? '…'}</p>;
  const vote = async (voteId: string, choice: 'yes' | 'no' | 'abstain') => {
    try {
      const r = await consultApi.ballot(voteId, choice);
      setMsg(r.receipt ? t('consult.receipt', { code: r.receipt }) : t('consult.thanks'));
      await load();
    } catch (e) {
      setMsg((e as Error).message);
    }
  };
  return (
    <div data-testid="consult-topic">
      <TopicBody view={view} drawingBase="/api/consult/drawings" />
      <h2>{t('consult.votes')}</h2>
      {msg && (
        <p className="alert" data-testid="vote-message">
          {msg}
        </p>
      )}
      {view.votes.map((v) => {
        const mine = view.myVotes?.[v.id] ?? null;
        return (
          <VoteBlock key={v.id} v={v}>
            {!v.closedAt && mine && (
              <p className="para" data-testid="voted">
                {t('consult.voted', { channel: t(`consult.${mine}`) })}
              </p>
            )}
            {!v.closedAt && !mine && (
              <div className="r-actions">
                {(['yes', 'no', 'abstain'] as const).map((c) => (
                  <button
                    key={c}
                    type="button"
                    className={`btn btn-block${c === 'yes' ? ' btn-primary' : ''}`}
                    data-testid={`vote-${c}`}
                    onClick={() => void vote(v.id, c)}
                  >
                    {t(`consult.${c}`)}
                  </button>
                ))}
              </div>
            )}
          </VoteBlock>
        );
      })}
    </div>
  );
}
