/** Volunteers with their time-bank balance; redeem hours for a service (e.g. care for a volunteer's parents). */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi, hours } from '../../../api/cobuild.ts';
import { useAsync } from '../../../lib/useAsync.ts';

/** The tab. */
export function VolunteersTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAsync(() => cobuildApi.volunteers(code), [code]);
  const [redeeming, setRedeeming] = useState<{ id: string; name: string } | null>(null);
  const [form] = Form.useForm();
  const redeem = async (v: { minutes: number; service: string }) => {
    if (!redeeming) return;
    try {
      await cobuildApi.redeem(redeeming.id, v.minutes, v.service);
      setRedeeming(null);
      form.resetFields();
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.volunteers ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('cobuild.volunteers.name'), dataIndex: 'name' },
          { title: t('cobuild.volunteers.skills'), dataIndex: 'skills', render: (s: string[]) => s.join('、') },
          {
            title: t('cobuild.me.balance'),
            dataIndex: 'balanceMinutes',
            render: (m: number) => t('cobuild.me.hours', { h: hours(m) }),
          },
          {
            title: '',
            render: (_, v) => (
              <Button size="small" onClick={() => setRedeeming({ id: v.id, name: v.name })}>
                {t('cobuild.volunteers.redeem')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!redeeming}
        title={`${t('cobuild.volunteers.redeem')}：${redeeming?.name ?? ''}`}
        onCancel={() => setRedeeming(null)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void redeem(v)}>
          <Form.Item name="minutes" label={t('cobuild.volunteers.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          <Form.Item name="service" label={t('cobuild.volunteers.service')} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
