/** The projects list; a project's drawer records progress, evidence (photo, canvas signature) and completion. */
import { useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, List, Progress, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi } from '../../../api/cobuild.ts';
import { useAsync } from '../../../lib/useAsync.ts';
import { SignaturePad } from './SignaturePad.tsx';

const readFile = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

function ProjectDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const p = useAsync(() => cobuildApi.project(id), [id]);
  const [signer, setSigner] = useState('');
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      p.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const d = p.data;
  const open = d?.status === 'claimed';
  return (
    <Drawer open onClose={onClose} size={560} title={d?.needTitle} data-testid="project-drawer">
      {d && (
        <>
          <p>
            {t('cobuild.project.claimant')}：{d.claimant}{' '}
            <Tag data-testid="project-status">{t(`cobuild.status.${d.status}`)}</Tag>
          </p>
          <Progress percent={d.progress} />
          <List
            size="small"
            dataSource={d.updates}
            renderItem={(u) => <List.Item>{`${u.progress}% · ${u.note}`}</List.Item>}
          />
          {open && (
            <Form layout="inline" onFinish={(v) => void run(() => cobuildApi.progress(id, v.progress, v.note))}>
              <Form.Item name="progress" initialValue={50}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="note" rules={[{ required: true }]}>
                <Input placeholder={t('cobuild.project.note')} data-testid="progress-note" />
              </Form.Item>
              <Button htmlType="submit" data-testid="progress-save">
                {t('cobuild.project.addProgress')}
              </Button>
            </Form>
          )}
          <h4>{t('cobuild.project.evidence')}</h4>
          <div>
            {d.evidence.map((e) => (
              <img
                key={e.id}
                src={`/api/cobuild/evidence/${e.id}`}
                alt={
                  e.kind === 'signature'
                    ? `${t('cobuild.project.signature')} ${e.signer ?? ''}`
                    : t('cobuild.project.photo')
                }
                data-testid={`evidence-${e.kind}`}
                style={{ height: 64, marginRight: 8, border: '1px solid #ddd' }}
              />
            ))}
          </div>
          {open && (
            <>
              <p>
                {t('cobuild.project.photo')}{' '}
                <input
                  type="file"
                  accept="image/png,image/jpeg"
                  data-testid="photo-input"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void run(async () => cobuildApi.evidence(id, 'photo', await readFile(f), null));
                  }}
                />
              </p>
              <p>{t('cobuild.project.signature')}</p>
              <Input
                placeholder={t('cobuild.project.signer')}
                value={signer}
                onChange={(e) => setSigner(e.target.value)}
                data-testid="signer"
              />
              <SignaturePad
                onSave={(png) => void run(() => cobuildApi.evidence(id, 'signature', png, signer || null))}
              />
              <Form layout="vertical" onFinish={(v) => void run(() => cobuildApi.complete(id, v.summary))}>
                <Form.Item name="summary" label={t('cobuild.project.summary')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} data-testid="summary" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="complete">
                  {t('cobuild.project.complete')}
                </Button>
              </Form>
            </>
          )}
          {d.summary && <p data-testid="project-summary">{d.summary}</p>}
        </>
      )}
    </Drawer>
  );
}

/** The tab. */
export function ProjectsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const ps = useAsync(() => cobuildApi.projects(code), [code]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={ps.loading}
        dataSource={ps.data?.projects ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(p) => ({ onClick: () => setOpen(p.id), 'data-testid': `project-${p.needTitle}` }) as object}
        columns={[
          { title: t('cobuild.need.title'), dataIndex: 'needTitle' },
          { title: t('cobuild.project.claimant'), dataIndex: 'claimant' },
          { title: t('cobuild.project.progress'), dataIndex: 'progress', render: (n: number) => `${n}%` },
          { title: '', dataIndex: 'status', render: (s: string) => <Tag>{t(`cobuild.status.${s}`)}</Tag> },
        ]}
      />
      {open && (
        <ProjectDrawer
          id={open}
          onClose={() => {
            setOpen(null);
            ps.reload();
          }}
        />
      )}
    </>
  );
}
