/** Staff: topics in scope, each vote's running tally with both thresholds and its numbers, and closing a vote. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, List, Typography } from 'antd';
import { consultApi, type TopicLine, type TopicView, type VoteResult } from '../../api/consult.ts';
import { Tally } from './TopicView.tsx';

function VoteTally({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<{ result: VoteResult; participants: number; closed: boolean } | null>(null);
  const load = useCallback(
    () =>
      consultApi
        .tally(voteId)
        .then((r) => setData({ result: r.result, participants: r.counts.participants, closed: r.closed })),
    [voteId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!data) return null;
  return (
    <div data-testid="staff-tally" data-closed={data.closed}>
      <Typography.Text>{t('consult.participants', { n: data.participants })}</Typography.Text>
      <Tally result={data.result} />
      {!data.closed && (
        <Button data-testid="close-vote" onClick={() => void consultApi.close(voteId).then(load)}>
          {t('consult.closeVote')}
        </Button>
      )}
    </div>
  );
}

/** The page. */
export default function StaffConsultPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<TopicLine[]>([]);
  const [topic, setTopic] = useState<TopicView | null>(null);
  useEffect(() => {
    void consultApi.topics().then((r) => setItems(r.items));
  }, []);
  return (
    <div className="s-pad" data-testid="staff-consult">
      <Typography.Title level={3}>{t('consult.title')}</Typography.Title>
      <List
        bordered
        dataSource={items}
        renderItem={(i) => (
          <List.Item data-testid="staff-topic">
            <Button type="link" onClick={() => void consultApi.topic(i.id).then(setTopic)}>
              {i.title}
            </Button>
            · {i.scopeName} · {t(`consult.stage.${i.stage}`)}
          </List.Item>
        )}
      />
      {topic && (
        <Card title={topic.topic.title} style={{ marginTop: 16 }}>
          {topic.votes.map((v) => (
            <Card key={v.id} type="inner" title={v.title} style={{ marginBottom: 12 }}>
              <VoteTally voteId={v.id} />
            </Card>
          ))}
        </Card>
      )}
    </div>
  );
}
