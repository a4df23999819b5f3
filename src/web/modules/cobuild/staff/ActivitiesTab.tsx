/** Volunteer activities: publish one (place, radius, time, places), see sign-ups, check people in, show the QR. */
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { cobuildApi } from '../../../api/cobuild.ts';
import { navigate } from '../../../app/router.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { currentLang } from '../../../i18n/index.ts';
import { formatShanghai } from '../../../../shared/time.ts';

function Signups({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const a = useAsync(() => cobuildApi.activity(id), [id]);
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
    a.reload();
  };
  return (
    <Drawer open onClose={onClose} size={560} title={a.data?.activity.title}>
      <Space>
        <Button onClick={() => navigate(`/cobuild/activities/${id}/qr`)}>{t('cobuild.activity.showQr')}</Button>
        <Button danger onClick={() => void run(() => cobuildApi.close(id))}>
          {t('cobuild.activity.close')}
        </Button>
      </Space>
      <Table
        rowKey="volunteerId"
        size="small"
        dataSource={a.data?.signups ?? []}
        pagination={false}
        columns={[
          { title: t('cobuild.activity.signups'), dataIndex: 'name' },
          { title: '', dataIndex: 'status' },
          { title: t('cobuild.me.checkedIn'), dataIndex: 'checkedInAt', render: (x: string | null) => (x ? '✓' : '') },
          {
            title: t('cobuild.me.checkedOut'),
            dataIndex: 'checkedOutAt',
            render: (x: string | null) => (x ? '✓' : ''),
          },
          {
            title: '',
            render: (_, s) =>
              s.status === 'confirmed' && (
                <Space>
                  <Button size="small" onClick={() => void run(() => cobuildApi.organiser(id, s.volunteerId, 'in'))}>
                    {t('cobuild.activity.checkIn')}
                  </Button>
                  <Button size="small" onClick={() => void run(() => cobuildApi.organiser(id, s.volunteerId, 'out'))}>
                    {t('cobuild.activity.checkOut')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Drawer>
  );
}

/** The tab. */
export function ActivitiesTab({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAsync(() => cobuildApi.activities(code), [code]);
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm();
  const add = async (v: {
    title: string;
    placeName: string;
    lonlat: string;
    radiusM: number;
    capacity: number;
    range: [{ toISOString(): string }, { toISOString(): string }];
  }) => {
    const [lon, lat] = v.lonlat.split(/[,\s]+/).map(Number);
    try {
      await cobuildApi.addActivity({
        communityCode: code,
        title: v.title,
        placeName: v.placeName,
        lon,
        lat,
        radiusM: v.radiusM,
        capacity: v.capacity,
        startsAt: v.range[0].toISOString(),
        endsAt: v.range[1].toISOString(),
      });
      form.resetFields();
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)}>
        <Form.Item name="title" rules={[{ required: true }]}>
          <Input placeholder={t('cobuild.activity.title')} />
        </Form.Item>
        <Form.Item name="placeName" rules={[{ required: true }]}>
          <Input placeholder={t('cobuild.activity.place')} />
        </Form.Item>
        <Form.Item name="lonlat" rules={[{ required: true, pattern: /^-?\d+(\.\d+)?[,\s]+-?\d+(\.\d+)?$/ }]}>
          <Input placeholder={t('cobuild.activity.lonlat')} />
        </Form.Item>
        <Form.Item name="radiusM" initialValue={100}>
          <InputNumber min={10} max={5000} addonAfter="m" />
        </Form.Item>
        <Form.Item name="capacity" initialValue={10}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name="range" rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          {t('cobuild.activity.add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.activities ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('cobuild.activity.title'), dataIndex: 'title' },
          { title: t('cobuild.activity.place'), dataIndex: 'placeName' },
          {
            title: t('cobuild.activity.starts'),
            dataIndex: 'startsAt',
            render: (s: string) => formatShanghai(s, currentLang()),
          },
          {
            title: t('cobuild.activity.capacity'),
            render: (_, a) => t('cobuild.activity.confirmed', { n: a.confirmed, cap: a.capacity }),
          },
          { title: '', dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
          {
            title: '',
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => setOpen(a.id)}>
                  {t('cobuild.activity.signups')}
                </Button>
                {a.status === 'open' && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`qr-${a.title}`}
                    onClick={() => navigate(`/cobuild/activities/${a.id}/qr`)}
                  >
                    {t('cobuild.activity.showQr')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open && <Signups id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
