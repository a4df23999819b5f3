/** The needs list with claiming (认领): pick a unit (suggested matches first) and claim once. */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi, type Need } from '../../../api/cobuild.ts';
import { useAsync } from '../../../lib/useAsync.ts';

const CATS = ['elderly', 'children', 'health', 'education', 'repair', 'environment', 'culture', 'other'];

/** The tab. */
export function NeedsTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const needs = useAsync(() => cobuildApi.needs(code), [code]);
  const units = useAsync(() => cobuildApi.units(code), [code]);
  const [claiming, setClaiming] = useState<Need | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const matches = useAsync(() => (claiming ? cobuildApi.matches(claiming.id) : undefined), [claiming?.id]);
  const [form] = Form.useForm();
  const claim = async () => {
    if (!claiming || !unitId) return;
    try {
      await cobuildApi.claim(claiming.id, unitId);
      setClaiming(null);
      needs.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  // same-category matches first, in the server's order (nearest first); then the other units by name
  const ranked = (matches.data?.matches ?? []).filter((m) => m.sameCategory && m.unitId).map((m) => m.unitId);
  const rank = (id: string) => (ranked.includes(id) ? ranked.indexOf(id) : ranked.length);
  const options = (units.data?.units ?? [])
    .map((u) => {
      const m = matches.data?.matches.find((x) => x.unitId === u.id && x.distanceM !== null);
      const dist = m ? ` · ${t('cobuild.need.straightLine', { m: m.distanceM })}` : '';
      return { value: u.id, label: `${ranked.includes(u.id) ? '★ ' : ''}${u.name}${dist}`, r: rank(u.id) };
    })
    .sort((a, b) => a.r - b.r)
    .map(({ value, label }) => ({ value, label }));
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          await cobuildApi.addNeed({ communityCode: code, ...v });
          form.resetFields();
          needs.reload();
        }}
      >
        <Form.Item name="title" rules={[{ required: true }]}>
          <Input placeholder={t('cobuild.need.title')} />
        </Form.Item>
        <Form.Item name="category" initialValue="elderly">
          <Select
            style={{ width: 110 }}
            options={CATS.map((c) => ({ value: c, label: t(`cobuild.categories.${c}`) }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('cobuild.need.add')}</Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={needs.loading}
        dataSource={needs.data?.needs ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('cobuild.need.title'), dataIndex: 'title' },
          {
            title: t('cobuild.need.category'),
            dataIndex: 'category',
            render: (c: string) => t(`cobuild.categories.${c}`),
          },
          { title: '', dataIndex: 'status', render: (s: string) => <Tag>{t(`cobuild.status.${s}`)}</Tag> },
          {
            title: '',
            render: (_, n) =>
              n.status === 'open' && (
                <Button size="small" type="primary" data-testid={`claim-${n.title}`} onClick={() => setClaiming(n)}>
                  {t('cobuild.need.claim')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!claiming}
        title={`${t('cobuild.need.claim')}：${claiming?.title ?? ''}`}
        onCancel={() => setClaiming(null)}
        onOk={() => void claim()}
        okButtonProps={{ disabled: !unitId }}
      >
        <Select
          style={{ width: '100%' }}
          placeholder={t('cobuild.need.claimAs')}
          value={unitId}
          onChange={setUnitId}
          options={options}
          data-testid="claim-unit"
          showSearch
          optionFilterProp="label"
        />
      </Modal>
    </>
  );
}
