/** /public/consult/:id — a published topic for everyone: timeline, drawings, minutes, tallies and their files. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultApi, type TopicView } from '../../api/consult.ts';
import { TopicBody, VoteBlock } from './TopicView.tsx';

/** The page. */
export default function PublicTopicPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const [view, setView] = useState<TopicView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    consultApi.publicTopic(params.id ?? '').then(setView, (e: Error) => setError(e.message));
  }, [params.id]);
  if (error) return <p className="card">{t('public.notFound')}</p>;
  if (!view) return <p className="para">…</p>;
  return (
    <div data-testid="public-topic">
      <TopicBody view={view} drawingBase="/api/public/consult/drawings" />
      <h2>{t('consult.votes')}</h2>
      {view.votes.map((v) => (
        <VoteBlock key={v.id} v={v} publicPage />
      ))}
    </div>
  );
}
