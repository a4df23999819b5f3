/**
 * Account administration for community, street and district staff: the accounts of their area, a form to open
 * one for a role below theirs (area picked from the place tree, residents found by name), disable/enable,
 * reset password and move a grid worker to another grid. The server decides; its messages are shown as returned.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { api, get, qs } from '../../api/client.ts';
import type { Page, ResidentHit, Role, Schemas } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { MANAGEABLE, ScopePicker } from './ScopePicker.tsx';

/** An account as the server lists it. */
export type AccountRow = Schemas['ManagedAccount'];

interface NewAccountForm {
  username: string;
  displayName: string;
  role: Role;
  scope?: string[];
  residentId?: string;
  phone?: string;
  password: string;
}

/** The page. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const me = useAccount();
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<AccountRow | null>(null);
  const [moveFor, setMoveFor] = useState<AccountRow | null>(null);
  const list = useAsync(() => get<{ items: AccountRow[]; more: boolean }>('/api/accounts'), [version]);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('accounts.done'));
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  return (
    <div className="s-pad">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('accounts.title')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="account-create">
          {t('accounts.create')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('accounts.hint')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.data?.more && (
        <Alert type="warning" showIcon title={t('accounts.more', { count: list.data.items.length })} />
      )}
      <Table<AccountRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        data-testid="accounts-table"
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          { title: t('accounts.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
          { title: t('accounts.scope'), dataIndex: 'scopeCode', render: (c: string, r) => `${r.scopeName ?? ''} ${c}` },
          { title: t('accounts.phone'), dataIndex: 'phone' },
          {
            title: t('accounts.status'),
            dataIndex: 'disabled',
            render: (d: boolean) =>
              d ? <Tag>⛔ {t('accounts.disabled')}</Tag> : <Tag color="green">✓ {t('accounts.enabled')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) =>
              r.id === me.id ? null : (
                <Space wrap>
                  <Button
                    size="small"
                    onClick={() => void run(() => api('PATCH', `/api/accounts/${r.id}`, { disabled: !r.disabled }))}
                  >
                    {r.disabled ? t('accounts.enable') : t('accounts.disable')}
                  </Button>
                  <Button size="small" onClick={() => setResetFor(r)}>
                    {t('accounts.resetPassword')}
                  </Button>
                  {r.role === 'grid_worker' && (
                    <Button size="small" onClick={() => setMoveFor(r)}>
                      {t('accounts.move')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(body) => run(() => api('POST', '/api/accounts', body))}
      />
      <Modal
        open={!!resetFor}
        title={`${t('accounts.resetPassword')} · ${resetFor?.username ?? ''}`}
        footer={null}
        onCancel={() => setResetFor(null)}
        destroyOnHidden
      >
        <Form<{ newPassword: string }>
          layout="vertical"
          onFinish={async (v) => {
            if (resetFor && (await run(() => api('POST', `/api/accounts/${resetFor.id}/password`, v))))
              setResetFor(null);
          }}
        >
          <Form.Item
            name="newPassword"
            label={t('accounts.newPassword')}
            extra={t('accounts.passwordRule')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('accounts.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={!!moveFor}
        title={`${t('accounts.move')} · ${moveFor?.displayName ?? ''}`}
        footer={null}
        onCancel={() => setMoveFor(null)}
        destroyOnHidden
      >
        <Form<{ scope: string[] }>
          layout="vertical"
          onFinish={async (v) => {
            if (
              moveFor &&
              (await run(() => api('PATCH', `/api/accounts/${moveFor.id}`, { scopeCode: v.scope.at(-1) })))
            )
              setMoveFor(null);
          }}
        >
          <Form.Item
            name="scope"
            label={t('accounts.scope')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <ScopePicker root={me.scope?.code ?? ''} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('accounts.save')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}

function CreateModal({
  open,
  onClose,
  onCreate,
}: {
  open: boolean;
  onClose(): void;
  onCreate(body: unknown): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const me = useAccount();
  const [form] = Form.useForm<NewAccountForm>();
  const role = Form.useWatch('role', form);
  const [q, setQ] = useState('');
  const hits = useAsync(
    () => (q ? get<Page<ResidentHit>>(`/api/residents${qs({ q, pageSize: 20 })}`) : undefined),
    [q],
  );
  const submit = async (v: NewAccountForm) => {
    const body = {
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      password: v.password,
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.role === 'resident' ? { residentId: v.residentId } : { scopeCode: v.scope?.at(-1) }),
    };
    if (await onCreate(body)) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal open={open} title={t('accounts.create')} footer={null} onCancel={onClose} destroyOnHidden>
      <Form<NewAccountForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('accounts.required') }]}>
          <Select options={(MANAGEABLE[me.role] ?? []).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {role === 'resident' ? (
          <Form.Item
            name="residentId"
            label={t('accounts.resident')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              options={(hits.data?.items ?? [])
                .filter((r) => !r.protected)
                .map((r) => ({ value: r.id, label: `${r.name} · ${r.address}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="scope"
            label={t('accounts.scope')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <ScopePicker root={me.scope?.code ?? ''} />
          </Form.Item>
        )}
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('accounts.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('accounts.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts.initialPassword')}
          extra={t('accounts.passwordRule')}
          rules={[{ required: true, message: t('accounts.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="account-submit">
            {t('accounts.save')}
          </Button>
          <Button onClick={onClose}>{t('accounts.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
