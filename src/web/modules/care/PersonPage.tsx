/**
 * One person on the care list: who they are (masked for viewers not entitled), the plan, carers, the health and
 * ability notes behind a button (carers only; the read is audited), the visit form with the phone's GPS, and
 * the latest visits.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  InputNumber,
  List,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, navigate } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { careApi, type CareNotes, type PersonCard } from './api.ts';
import { CareTags } from './CareTags.tsx';

function Notes({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [notes, setNotes] = useState<CareNotes | null>(null);
  if (!notes)
    return (
      <Button
        data-testid="notes-show"
        onClick={() => void careApi.notes(id).then(setNotes, (e: Error) => message.error(e.message))}
      >
        {t('care.notesShow')}
      </Button>
    );
  const save = () =>
    void careApi
      .saveNotes(id, notes.healthNote || null, notes.abilityNote || null)
      .then(setNotes, (e: Error) => message.error(e.message));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="notes">
      <Typography.Text type="secondary">{t('care.notesAudited')}</Typography.Text>
      <Typography.Text strong>{t('care.health')}</Typography.Text>
      <Input.TextArea
        aria-label={t('care.health')}
        data-testid="notes-health"
        value={notes.healthNote ?? ''}
        disabled={!editable}
        onChange={(e) => setNotes({ ...notes, healthNote: e.target.value })}
      />
      <Typography.Text strong>{t('care.ability')}</Typography.Text>
      <Input.TextArea
        aria-label={t('care.ability')}
        value={notes.abilityNote ?? ''}
        disabled={!editable}
        onChange={(e) => setNotes({ ...notes, abilityNote: e.target.value })}
      />
      {editable && <Button onClick={save}>{t('care.notesSave')}</Button>}
    </Space>
  );
}

type Gps = { state: 'wait' } | { state: 'ok'; lon: number; lat: number } | { state: 'fail'; message: string };

function VisitForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [found, setFound] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [problem, setProblem] = useState(false);
  const [gps, setGps] = useState<Gps | null>(null);
  const [busy, setBusy] = useState(false);
  const locate = () => {
    setGps({ state: 'wait' });
    navigator.geolocation.getCurrentPosition(
      (p) => setGps({ state: 'ok', lon: p.coords.longitude, lat: p.coords.latitude }),
      (e) => setGps({ state: 'fail', message: e.message }),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  // locate once when the form opens
  useEffect(locate, []);
  const submit = async () => {
    if (gps?.state !== 'ok') return;
    setBusy(true);
    try {
      const r = await careApi.record(id, {
        lon: gps.lon,
        lat: gps.lat,
        found,
        ...(followUp ? { followUp } : {}),
        problem,
      });
      navigate(`/care/visits/${r.visit.id}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('care.record')} data-testid="visit-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="gps-state">
          {t('care.gps')}:{' '}
          {gps?.state === 'ok'
            ? t('care.gpsOk', { lon: gps.lon.toFixed(5), lat: gps.lat.toFixed(5) })
            : gps?.state === 'fail'
              ? t('care.gpsFail', { message: gps.message })
              : t('care.gpsWait')}
        </Typography.Text>
        {gps?.state === 'fail' && <Button onClick={locate}>{t('care.gps')}</Button>}
        <Input.TextArea
          placeholder={t('care.found')}
          aria-label={t('care.found')}
          value={found}
          onChange={(e) => setFound(e.target.value)}
          data-testid="visit-found"
        />
        <Input.TextArea
          placeholder={t('care.followUp')}
          aria-label={t('care.followUp')}
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
        />
        <Checkbox checked={problem} onChange={(e) => setProblem(e.target.checked)} data-testid="visit-problem">
          {t('care.problem')}
        </Checkbox>
        <Button
          type="primary"
          block
          size="large"
          loading={busy}
          disabled={gps?.state !== 'ok' || !found.trim()}
          onClick={() => void submit()}
          data-testid="visit-submit"
        >
          {t('care.submit')}
        </Button>
      </Space>
    </Card>
  );
}

function Plan({ card, reload }: { card: PersonCard; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState<number | null>(card.person.intervalDays);
  const [username, setUsername] = useState('');
  const id = card.person.residentId;
  const run = (p: Promise<unknown>) => void p.then(reload, (e: Error) => message.error(e.message));
  return (
    <Card title={t('care.plan')}>
      <Space wrap>
        <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(v)} addonAfter={t('care.planDays')} />
        <Button onClick={() => run(careApi.plan(id, days))}>{t('care.planSave')}</Button>
        <Button onClick={() => run(careApi.plan(id, null))}>{t('care.planClear')}</Button>
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <Input placeholder={t('care.addCarer')} value={username} onChange={(e) => setUsername(e.target.value)} />
        <Button onClick={() => run(careApi.carer(id, username))}>{t('care.add')}</Button>
      </Space>
    </Card>
  );
}

/** The page. */
export default function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const card = useAsync(() => careApi.person(id), [id]);
  if (card.error) return <Alert className="s-pad" type="error" showIcon title={card.error.message} />;
  const c = card.data;
  if (!c) return null;
  const p = c.person;
  return (
    <div className="s-pad care-page" data-testid="care-person">
      <Typography.Title level={3}>
        {p.name} {p.masked && <Typography.Text type="secondary">{t('care.masked')}</Typography.Text>}
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('care.person')}>
            <CareTags tags={p.tags} /> {p.age !== null ? p.age : ''} {p.address}
            {p.phone && <a href={`tel:${p.phone}`}> ☎ {p.phone}</a>}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.plan')}>
            {t('care.every', { days: p.intervalDays })}
            {p.overridden ? t('care.overridden') : ''} · {t('care.due', { date: dateTime(p.dueAt) })}
            {p.overdueDays > 0 && <Tag color="red"> ⚠ {t('care.daysOverdue', { days: p.overdueDays })}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.carers')}>
            {c.carers.map((x) => (
              <div key={`${x.kind}-${x.accountId ?? x.name}`} data-testid="carer">
                {x.kind === 'grid_worker' ? t('care.gridWorker') : t('care.assigned')}：{x.name} {x.phone ?? ''}
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
        {c.may.notes && (
          <Card title={t('care.notes')}>
            <Notes id={id} editable={c.may.notes} />
          </Card>
        )}
        {c.may.visit && c.active && <VisitForm id={id} />}
        {c.may.plan && <Plan card={c} reload={card.reload} />}
        <Card title={t('care.visits')}>
          <List
            dataSource={c.visits}
            locale={{ emptyText: t('care.noVisits') }}
            renderItem={(v) => (
              <List.Item data-testid="visit-item">
                <Link to={`/care/visits/${v.id}`}>
                  {dateTime(v.visitedAt)} · {v.visitorName} · {v.found ?? '—'}
                  {v.caseId && <Tag color="orange"> {t('care.caseOpened')}</Tag>}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </div>
  );
}
