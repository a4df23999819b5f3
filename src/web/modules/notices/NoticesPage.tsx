/**
 * Notices for staff and grid workers (one lazy chunk): /notices the list with read counts and (community staff)
 * the compose form with the scope picker; /notices/:id the reads per grid; /notices/:id/walk the grid worker's
 * walk list of households that have not read an urgent notice, with "told in person".
 */
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Checkbox, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useAccount } from '../../app/auth.tsx';
import { matchPath, navigate, useLocation } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { noticesApi, type Notice } from '../care/api.ts';
import '../care/care.css';

const NoticeDetail = lazy(() => import('./NoticeDetail.tsx'));
const WalkPage = lazy(() => import('./WalkPage.tsx'));

type Kind = 'community' | 'grid' | 'compound' | 'building' | 'tag';

function Compose({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scopes = useAsync(() => noticesApi.scopes(), []);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [kind, setKind] = useState<Kind>('community');
  const [value, setValue] = useState<string | undefined>(undefined);
  const s = scopes.data;
  const options =
    kind === 'grid'
      ? (s?.grids ?? []).map((g) => ({ value: g.code, label: g.name }))
      : kind === 'compound'
        ? (s?.compounds ?? []).map((c) => ({ value: c.id, label: c.name }))
        : kind === 'building'
          ? (s?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))
          : (s?.tags ?? []).map((x) => ({ value: x, label: x }));
  const send = async () => {
    try {
      const r = await noticesApi.send({
        title,
        body,
        urgent,
        scope: kind === 'community' ? { kind } : { kind, value },
      });
      message.success(t('care.notices.sent', { count: r.notice.households }));
      setTitle('');
      setBody('');
      onSent();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card title={t('care.notices.compose')} data-testid="notice-compose">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input placeholder={t('care.notices.noticeTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <Input.TextArea placeholder={t('care.notices.body')} value={body} onChange={(e) => setBody(e.target.value)} />
        <Space wrap>
          <Select<Kind>
            value={kind}
            style={{ minWidth: 140 }}
            aria-label={t('care.notices.scope')}
            onChange={(k) => {
              setKind(k);
              setValue(undefined);
            }}
            options={(['community', 'grid', 'compound', 'building', 'tag'] as const).map((k) => ({
              value: k,
              label: t(`care.notices.scopes.${k}`),
            }))}
          />
          {kind !== 'community' && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 220 }}
              value={value}
              onChange={setValue}
              options={options}
            />
          )}
          <Checkbox checked={urgent} onChange={(e) => setUrgent(e.target.checked)}>
            {t('care.notices.urgent')}
          </Checkbox>
          <Button
            type="primary"
            disabled={!title.trim() || !body.trim() || (kind !== 'community' && !value)}
            onClick={() => void send()}
          >
            {t('care.notices.send')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

function NoticeItem({ n }: { n: Notice }) {
  const { t } = useTranslation();
  return (
    <List.Item className="care-item" data-testid="notice-item" onClick={() => navigate(`/notices/${n.id}`)}>
      <div className="care-item-body">
        <Space wrap size={4}>
          {n.urgent && <Tag color="red">⚡ {t('care.notices.urgent')}</Tag>}
          <Typography.Text strong>{n.title}</Typography.Text>
          <Tag>{n.scope.label}</Tag>
        </Space>
        <div className="muted care-small">
          {dateTime(n.sentAt)} · {t('care.notices.reads', { read: n.read, total: n.households })}
          {n.told > 0 && ` · ${t('care.notices.told', { count: n.told })}`}
        </div>
      </div>
    </List.Item>
  );
}

/** Routes under /notices. */
export default function NoticesPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { query } = useLocation();
  const code = query.get('code') ?? undefined;
  const list = useAsync(() => noticesApi.list(code), [code]);
  const walk = matchPath('/notices/:id/walk', path);
  if (walk?.id) return <WalkPage id={walk.id} />;
  const one = matchPath('/notices/:id', path);
  if (one?.id) return <NoticeDetail id={one.id} />;
  const urgentOnly = query.get('urgent') === '1';
  const items = (list.data?.items ?? []).filter((n) => !urgentOnly || n.urgent);
  return (
    <div className="s-pad care-page">
      <Typography.Title level={3}>{t('care.notices.title')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {account.role === 'community_staff' && <Compose onSent={list.reload} />}
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        <List loading={list.loading} dataSource={items} renderItem={(n) => <NoticeItem n={n} />} />
      </Space>
    </div>
  );
}
