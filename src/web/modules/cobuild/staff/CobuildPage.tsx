/**
 * Staff page of 大党委引领、社会化共建: partner units, the three lists (needs, resources, projects) and volunteer
 * activities, as tabs. The community is the account's own (or `?code=` for street and district staff).
 */
import { Alert, Button, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { cobuildApi } from '../../../api/cobuild.ts';
import { useAccount } from '../../../app/auth.tsx';
import { useLocation } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { ActivitiesTab } from './ActivitiesTab.tsx';
import { NeedsTab } from './NeedsTab.tsx';
import { ProjectsTab } from './ProjectsTab.tsx';
import { VolunteersTab } from './VolunteersTab.tsx';

const KINDS = ['school', 'hospital', 'firm', 'social_org', 'government', 'other'];

function UnitsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const units = useAsync(() => cobuildApi.units(code), [code]);
  const [form] = Form.useForm();
  const add = async (v: { name: string; kind: string; contactName: string; contactPhone?: string }) => {
    await cobuildApi.addUnit({ communityCode: code, ...v, contactPhone: v.contactPhone || null });
    form.resetFields();
    units.reload();
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={add} className="s-pad">
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('cobuild.unit.name')} />
        </Form.Item>
        <Form.Item name="kind" initialValue="school">
          <Select style={{ width: 120 }} options={KINDS.map((k) => ({ value: k, label: t(`cobuild.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contactName" rules={[{ required: true }]}>
          <Input placeholder={t('cobuild.unit.contact')} />
        </Form.Item>
        <Form.Item name="contactPhone">
          <Input placeholder={t('cobuild.unit.phone')} />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('cobuild.unit.add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={units.loading}
        dataSource={units.data?.units ?? []}
        pagination={false}
        columns={[
          { title: t('cobuild.unit.name'), dataIndex: 'name' },
          { title: t('cobuild.unit.kind'), dataIndex: 'kind', render: (k: string) => t(`cobuild.kinds.${k}`) },
          { title: t('cobuild.unit.contact'), render: (_, u) => `${u.contactName} ${u.contactPhone ?? ''}` },
          {
            title: t('cobuild.unit.commitments'),
            render: (_, u) => u.commitments.map((c) => `${c.year}：${c.title}`).join('；'),
          },
        ]}
      />
    </>
  );
}

function ResourcesTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const r = useAsync(() => cobuildApi.resources(code), [code]);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={r.loading}
      dataSource={r.data?.resources ?? []}
      pagination={false}
      columns={[
        {
          title: t('cobuild.need.category'),
          dataIndex: 'category',
          render: (c: string) => t(`cobuild.categories.${c}`),
        },
        { title: t('cobuild.tabs.resources'), dataIndex: 'title' },
        { title: t('cobuild.tabs.units'), dataIndex: 'unitName' },
        { title: 'h', dataIndex: 'hours' },
        { title: '¥', dataIndex: 'amountFen', render: (f: number | null) => (f === null ? '' : (f / 100).toFixed(2)) },
      ]}
    />
  );
}

/** The page; `tab` comes from the path (/cobuild/needs …). */
export default function CobuildPage({ path }: { path: string }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { query } = useLocation();
  const own = account.scope?.code ?? '';
  const code = query.get('code') ?? (own.length >= 12 ? own.slice(0, 12) : '');
  const tab = path.split('/')[2] || 'needs';
  if (!code) return <Alert className="s-pad" type="info" message="?code=" />;
  return (
    <div className="s-pad" data-testid="cobuild-page">
      <Typography.Title level={3}>{t('cobuild.nav')}</Typography.Title>
      <Tabs
        defaultActiveKey={tab}
        items={[
          { key: 'needs', label: t('cobuild.tabs.needs'), children: <NeedsTab code={code} /> },
          { key: 'projects', label: t('cobuild.tabs.projects'), children: <ProjectsTab code={code} /> },
          { key: 'resources', label: t('cobuild.tabs.resources'), children: <ResourcesTab code={code} /> },
          { key: 'units', label: t('cobuild.tabs.units'), children: <UnitsTab code={code} /> },
          { key: 'activities', label: t('cobuild.tabs.activities'), children: <ActivitiesTab code={code} /> },
          { key: 'volunteers', label: t('cobuild.tabs.volunteers'), children: <VolunteersTab code={code} /> },
        ]}
      />
      <Tag>{code}</Tag>
    </div>
  );
}
