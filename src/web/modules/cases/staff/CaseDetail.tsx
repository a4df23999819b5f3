/**
 * One case for grid workers and staff: facts, deadlines (overdue in words + ⚠), the reporter (only when the
 * server sends it), photos, a link that opens the place in a map app, the buttons the server allows
 * (`case.allowed`), progress notes with photos, and the full history as a timeline. Live via the case stream.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Image,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { casesApi, type CaseActionType, type CaseView, type LimitUnit } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { useSubmit } from '../../../lib/useSubmit.ts';
import { get } from '../../../api/client.ts';
import type { PlaceResponse } from '../../../api/types.ts';
import { placeName } from '../../../lib/format.ts';
import { deadlineText, levelText, navigateUrl, nextDeadline, statusText, when } from '../labels.ts';
import { useCaseStream } from '../stream.ts';
import { StatusTag, OverdueTag } from './tags.tsx';

/** Actions that need a form (the others are one click). */
type FormAction =
  | 'send_back'
  | 'resolve'
  | 'request_extension'
  | 'escalate'
  | 'dispatch'
  | 'verify'
  | 'supervise'
  | 'cancel';
const ONE_CLICK: CaseActionType[] = ['accept', 'approve_extension', 'reject_extension'];
const ORDER: CaseActionType[] = [
  'accept',
  'resolve',
  'escalate',
  'request_extension',
  'send_back',
  'dispatch',
  'verify',
  'approve_extension',
  'reject_extension',
  'supervise',
  'cancel',
];

function filesOf(list: UploadFile[]): Blob[] {
  return list.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
}

/** Grids of the case's community, for 派遣/改派. */
function useDispatchTargets(communityCode: string | undefined) {
  return useAsync(
    () => (communityCode ? get<PlaceResponse>(`/api/places/${communityCode}`) : undefined),
    [communityCode],
  );
}

function ActionForm({
  c,
  action,
  onDone,
  onCancel,
}: {
  c: CaseView;
  action: FormAction;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const targets = useDispatchTargets(action === 'dispatch' ? c.communityCode : undefined);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const note = typeof v.note === 'string' && v.note.trim() ? v.note.trim() : undefined;
      const extra: Record<string, unknown> = { version: c.version };
      const isPublic = v.public === true;
      if (note) extra.note = note;
      if (note && isPublic) extra.public = true;
      if (action === 'resolve') {
        // Photos of the result go up as a progress note first (the action itself is JSON only).
        const photos = filesOf(files);
        if (photos.length) await casesApi.note(c.id, note ?? t('cases.staff.resultPhotos'), photos, isPublic);
        delete extra.version;
      }
      if (action === 'send_back' || action === 'cancel') extra.reason = v.reason;
      if (action === 'escalate') extra.reason = v.reason;
      if (action === 'dispatch') extra.handlerCode = v.handlerCode;
      if (action === 'verify') extra.ok = v.ok === 'yes';
      if (action === 'request_extension') {
        extra.amount = v.amount;
        extra.unit = v.unit;
        extra.reason = v.reason;
      }
      await casesApi.act(c.id, action, extra);
      message.success(t('cases.staff.done', { action: t(`cases.action.${action}`) }));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const grids = (targets.data?.children ?? []).filter((p) => p.code.length >= 14);
  return (
    <Card size="small" title={t(`cases.action.${action}`)} data-testid={`form-${action}`} className="cs-form">
      <Form
        layout="vertical"
        onFinish={(v) => void submit(v as Record<string, unknown>)}
        initialValues={{ unit: 'work_days', amount: 1, ok: 'yes' }}
      >
        {action === 'escalate' && (
          <Form.Item
            name="reason"
            label={t('cases.staff.escalateReason')}
            rules={[{ required: true, message: t('cases.staff.required') }]}
          >
            <Radio.Group className="cs-radios">
              <Radio value="coordination" data-testid="reason-coordination">
                {t('cases.reason.coordination')}
              </Radio>
              <Radio value="money" data-testid="reason-money">
                {t('cases.reason.money')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {(action === 'send_back' || action === 'cancel' || action === 'request_extension') && (
          <Form.Item
            name="reason"
            label={t('cases.staff.reason')}
            rules={[{ required: true, whitespace: true, message: t('cases.staff.required') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Space wrap>
            <Form.Item name="amount" label={t('cases.staff.extendBy')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="unit" label={t('cases.staff.unit')}>
              <Select
                style={{ minWidth: 140 }}
                options={(['work_hours', 'work_days', 'hours'] as LimitUnit[]).map((u) => ({
                  value: u,
                  label: t(`cases.unit.${u}`),
                }))}
              />
            </Form.Item>
          </Space>
        )}
        {action === 'dispatch' && (
          <Form.Item
            name="handlerCode"
            label={t('cases.staff.toGrid')}
            rules={[{ required: true, message: t('cases.staff.required') }]}
          >
            <Select
              data-testid="dispatch-target"
              loading={targets.loading}
              options={[
                ...grids.map((g) => ({ value: g.code, label: placeName(g) })),
                ...(c.communityCode ? [{ value: c.communityCode, label: t('cases.staff.communityInbox') }] : []),
              ]}
            />
          </Form.Item>
        )}
        {action === 'verify' && (
          <Form.Item name="ok" label={t('cases.staff.verifyQ')}>
            <Radio.Group>
              <Radio value="yes">✓ {t('cases.staff.verifyOk')}</Radio>
              <Radio value="no">✕ {t('cases.staff.verifyRework')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={action === 'resolve' ? t('cases.staff.resolveNote') : t('cases.staff.note')}
          rules={action === 'resolve' ? [{ required: true, whitespace: true, message: t('cases.staff.required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-note" />
        </Form.Item>
        <Form.Item name="public" valuePropName="checked" extra={t('cases.staff.internalNoteHint')}>
          <Checkbox data-testid="action-note-public">{t('cases.staff.publicReply')}</Checkbox>
        </Form.Item>
        {action === 'resolve' && (
          <Form.Item label={t('cases.staff.photos')}>
            <Upload
              listType="picture-card"
              accept="image/*"
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={(i) => setFiles(i.fileList.slice(0, 6))}
            >
              {files.length < 6 && <span>＋ {t('cases.staff.addPhoto')}</span>}
            </Upload>
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} className="cs-gap" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
            {t(`cases.action.${action}`)}
          </Button>
          <Button onClick={onCancel}>{t('household.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function NoteForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  // Internal unless the author marks it as a reply to the public (residents, Open311 status_notes).
  const [reply, setReply] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { busy, error, run } = useSubmit();
  const send = async () => {
    if (!(await run(() => casesApi.note(id, note.trim(), filesOf(files), reply)))) return;
    setNote('');
    setReply(false);
    setFiles([]);
    onDone();
  };
  return (
    <Card size="small" title={t('cases.staff.progressNote')}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="progress-note"
      />
      <Checkbox
        className="cs-gap"
        checked={reply}
        onChange={(e) => setReply(e.target.checked)}
        data-testid="progress-note-public"
      >
        {t('cases.staff.publicReply')}
      </Checkbox>
      <div>
        <Typography.Text type="secondary">
          {reply ? t('cases.staff.publicReplyHint') : t('cases.staff.internalNoteHint')}
        </Typography.Text>
      </div>
      <Upload
        className="cs-gap"
        listType="picture-card"
        accept="image/*"
        multiple
        fileList={files}
        beforeUpload={() => false}
        onChange={(i) => setFiles(i.fileList.slice(0, 6))}
      >
        {files.length < 6 && <span>＋ {t('cases.staff.addPhoto')}</span>}
      </Upload>
      {error && <Alert type="error" showIcon title={error} className="cs-gap" />}
      <Button onClick={() => void send()} loading={busy} disabled={!note.trim()}>
        {t('cases.staff.addNote')}
      </Button>
    </Card>
  );
}

/** The page body for /cases/:id. */
export default function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const one = useAsync(() => casesApi.one(id), [id]);
  const history = useAsync(() => casesApi.history(id), [id]);
  const [form, setForm] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = () => {
    one.reload();
    history.reload();
  };
  useCaseStream((e) => {
    if (!e || e.id === id) reload();
  });
  const c = one.data?.case;
  if (one.error) return <Alert type="error" showIcon title={one.error.message} />;
  if (!c) return <Card loading />;
  const allowed: CaseActionType[] = (c.allowed ?? []).filter((a) => a !== 'merge' && a !== 'confirm' && a !== 'rate');
  const act = async (a: CaseActionType) => {
    if (!ONE_CLICK.includes(a)) {
      setForm(a as FormAction);
      return;
    }
    setBusy(a);
    try {
      await casesApi.act(c.id, a, { version: c.version });
      message.success(t('cases.staff.done', { action: t(`cases.action.${a}`) }));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      reload();
    } finally {
      setBusy(null);
    }
  };
  const due = nextDeadline(c);
  const [lon, lat] = c.location;
  return (
    <div className="cs-detail" data-testid="staff-case" data-status={c.status} data-level={c.level} data-id={c.id}>
      <Space wrap align="center" className="cs-gap">
        <Link to="/cases">← {t('cases.staff.backToList')}</Link>
        <Typography.Title level={3} className="cs-title">
          {c.categoryName}
        </Typography.Title>
        <StatusTag status={c.status} />
        <Tag data-testid="case-level">{t('cases.staff.levelTag', { level: levelText(c.level) })}</Tag>
        {c.urgent && <Tag color="red">⚡ {t('cases.urgent')}</Tag>}
        {c.supervised && <Tag color="purple">⚑ {t('cases.supervised')}</Tag>}
        {c.overdue && <OverdueTag />}
      </Space>
      {c.pendingExtension && (
        <Alert
          className="cs-gap"
          type="info"
          showIcon
          title={t('cases.staff.pendingExt', {
            amount: c.pendingExtension.amount,
            unit: t(`cases.unit.${c.pendingExtension.unit}`),
            reason: c.pendingExtension.reason,
          })}
        />
      )}
      <Card size="small" className="cs-gap" title={t('cases.staff.actions')}>
        {allowed.length === 0 && <Typography.Text type="secondary">{t('cases.staff.noActions')}</Typography.Text>}
        <Space wrap data-testid="case-actions">
          {ORDER.filter((a) => allowed.includes(a as CaseActionType)).map((a) => (
            <Button
              key={a}
              type={a === 'accept' || a === 'resolve' || a === 'verify' ? 'primary' : 'default'}
              danger={a === 'cancel'}
              loading={busy === a}
              onClick={() => void act(a)}
              data-action={a}
              size="large"
            >
              {t(`cases.action.${a}`)}
            </Button>
          ))}
          <Button
            href={navigateUrl(lon, lat, c.address ?? c.categoryName)}
            target="_blank"
            rel="noreferrer"
            size="large"
          >
            ◎ {t('cases.staff.navigate')}
          </Button>
        </Space>
        {form && (
          <div className="cs-gap-top">
            <ActionForm
              c={c}
              action={form}
              onCancel={() => setForm(null)}
              onDone={() => {
                setForm(null);
                reload();
              }}
            />
          </div>
        )}
      </Card>
      <div className="cs-cols">
        <Card size="small" title={t('cases.staff.facts')}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cases.staff.no')}>{c.no}</Descriptions.Item>
            <Descriptions.Item label={t('cases.staff.description')}>
              <span className="cs-pre">{c.description}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.staff.place')}>
              {c.address ?? ''} ({lon.toFixed(5)}, {lat.toFixed(5)})
            </Descriptions.Item>
            {c.mediaUrl && (
              <Descriptions.Item label={t('cases.staff.mediaUrl')}>
                <a href={c.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
                  {c.mediaUrl}
                </a>
              </Descriptions.Item>
            )}
            {c.publicNote && (
              <Descriptions.Item label={t('cases.staff.publicReplyTag')}>{c.publicNote}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('cases.staff.reporter')}>
              {c.reporter ? `${c.reporter.name ?? ''} ${c.reporter.phone ?? ''}` : t('cases.staff.reporterHidden')}
              {c.hideName ? ` · ${t('cases.staff.publicHidden')}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.staff.reportedAt')}>{when(c.createdAt)}</Descriptions.Item>
            {c.acceptBy && <Descriptions.Item label={t('cases.staff.acceptBy')}>{when(c.acceptBy)}</Descriptions.Item>}
            {c.resolveBy && (
              <Descriptions.Item label={t('cases.staff.resolveBy')}>{when(c.resolveBy)}</Descriptions.Item>
            )}
            {due && (
              <Descriptions.Item label={t('cases.staff.deadline')}>
                {c.overdue ? '⚠ ' : ''}
                {deadlineText(due)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('cases.staff.source')}>
              {t(`cases.source.${c.source ?? 'resident'}`, { defaultValue: c.source ?? '' })}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.staff.counts')}>
              {t('cases.staff.countsText', { s: c.supporters, r: c.reworkCount ?? 0, e: c.extensionCount ?? 0 })}
            </Descriptions.Item>
            {c.rating ? (
              <Descriptions.Item label={t('cases.staff.rating')}>
                {'★'.repeat(c.rating)} {c.rating}/5 {c.ratingComment ?? ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {c.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap className="cs-gap-top">
                {c.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
        </Card>
        <Card size="small" title={t('cases.detail.history')} data-testid="history">
          <Timeline
            items={(history.data?.events ?? []).map((e) => ({
              key: e.id,
              content: (
                <div>
                  <div>
                    <b>{t(`cases.event.${e.type}`, { defaultValue: e.type })}</b>
                    {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${statusText(e.toStatus)}` : ''}
                    {e.data && typeof e.data.reason === 'string'
                      ? ` · ${t(`cases.reason.${e.data.reason}`, { defaultValue: e.data.reason })}`
                      : ''}
                  </div>
                  <Typography.Text type="secondary">
                    {when(e.at)} ·{' '}
                    {e.actor
                      ? `${e.actor.name ?? ''} (${t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })})`
                      : t('cases.staff.system')}
                  </Typography.Text>
                  {e.note && <div className="cs-pre">{e.note}</div>}
                  {typeof e.data?.attributes === 'object' && e.data.attributes !== null && (
                    <div>
                      {t('cases.staff.attributes')}:{' '}
                      {Object.entries(e.data.attributes as Record<string, unknown>)
                        .map(([k, v]) => `${k} = ${[v].flat().join(', ')}`)
                        .join('; ')}
                    </div>
                  )}
                  {e.note && e.data?.public === true && <Tag color="blue">{t('cases.staff.publicReplyTag')}</Tag>}
                  {e.photos.length > 0 && (
                    <Space wrap>
                      {e.photos.map((p) => (
                        <Image key={p.id} src={p.url} width={64} height={64} style={{ objectFit: 'cover' }} />
                      ))}
                    </Space>
                  )}
                </div>
              ),
            }))}
          />
        </Card>
      </div>
      {(c.allowed ?? []).some((a) => a === 'resolve' || a === 'escalate') && (
        <div className="cs-gap-top">
          <NoteForm id={c.id} onDone={reload} />
        </div>
      )}
    </div>
  );
}
