/** Household detail: address and area (editable, optimistic locking by version) and its residents. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import { api, get } from '../../api/client.ts';
import type { HouseholdResponse, Resident } from '../../api/types.ts';
import { useAccount } from '../../app/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { checkArea } from '../../lib/validate.ts';
import { addressOf } from '../../lib/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { roleHas } from '../../../server/modules/registry/permissions.ts';
import { gridLabel, residentColumns } from './columns.tsx';
import { ResidentForm } from './ResidentForm.tsx';

interface HouseholdValues {
  unit: string;
  room: string;
  areaM2: number;
  ownerName: string;
}

/** The page for household `id`. */
export default function HouseholdPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const account = useAccount();
  const canWrite = roleHas(account.role, 'household.write');
  const canWriteResidents = roleHas(account.role, 'resident.write');
  const data = useAsync(() => get<HouseholdResponse>(`/api/households/${id}`), [id]);
  const [editing, setEditing] = useState(false);
  const [person, setPerson] = useState<Resident | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (data.error)
    return (
      <div className="s-pad">
        <Alert type="error" showIcon title={data.error.message} />
      </div>
    );
  if (!data.data) return <Loading />;
  const { household: h, residents } = data.data;

  const save = async (v: HouseholdValues) => {
    setError(null);
    try {
      await api('PATCH', `/api/households/${h.id}`, { version: h.version, ...v });
      void message.success(t('household.saved'));
      setEditing(false);
      data.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (r: Resident) => {
    try {
      await api('DELETE', `/api/residents/${r.id}`);
      void message.success(t('person.deleted'));
      data.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const actions = canWriteResidents
    ? [
        {
          title: t('person.actions'),
          key: 'actions',
          render: (_: unknown, r: Resident) =>
            r.protected ? null : (
              <Space>
                <Button size="small" onClick={() => setPerson(r)}>
                  {t('person.edit')}
                </Button>
                <Popconfirm title={t('person.deleteConfirm')} onConfirm={() => void remove(r)}>
                  <Button size="small" danger>
                    {t('person.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]
    : [];

  return (
    <div className="s-pad" data-testid="household-page">
      <Typography.Title level={3}>
        {t('household.title')} · {addressOf(h)}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {editing ? (
        <Form<HouseholdValues>
          layout="vertical"
          style={{ maxWidth: 480 }}
          initialValues={{ unit: h.unit, room: h.room, areaM2: h.areaM2, ownerName: h.ownerName }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="unit" label={t('household.unit')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="room"
            label={t('household.room')}
            rules={[{ required: true, message: t('household.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="areaM2"
            label={t('household.area')}
            rules={[
              {
                validator: async (_, v: number | null) => {
                  const p = checkArea(v);
                  if (p) throw new Error(t(p));
                },
              },
            ]}
          >
            <InputNumber step={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="ownerName" label={t('household.owner')}>
            <Input />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('household.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('household.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('household.building')}>{h.buildingName}</Descriptions.Item>
          <Descriptions.Item label={t('household.unit')}>{h.unit}</Descriptions.Item>
          <Descriptions.Item label={t('household.room')}>{h.room}</Descriptions.Item>
          <Descriptions.Item label={t('household.area')}>{h.areaM2.toFixed(2)}</Descriptions.Item>
          <Descriptions.Item label={t('household.areaSource')}>
            {t(`household.source.${h.areaSource}`, { defaultValue: h.areaSource })}
          </Descriptions.Item>
          <Descriptions.Item label={t('household.owner')}>{h.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('household.grid')}>{gridLabel(t, h.gridCode)}</Descriptions.Item>
        </Descriptions>
      )}
      {canWrite && !editing && (
        <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)} data-testid="edit-household">
          {t('household.edit')}
        </Button>
      )}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('household.residentList')}
      </Typography.Title>
      <Table<Resident>
        size="small"
        rowKey="id"
        dataSource={residents}
        columns={residentColumns<Resident>(t, actions)}
        pagination={false}
        scroll={{ x: true }}
      />
      {canWriteResidents && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => setPerson('new')}>
          {t('household.addResident')}
        </Button>
      )}
      <Drawer
        open={person !== null}
        onClose={() => setPerson(null)}
        title={person === 'new' ? t('household.addResident') : t('person.edit')}
        size={440}
        destroyOnHidden
      >
        {person !== null && (
          <ResidentForm
            householdId={h.id}
            resident={person === 'new' ? undefined : person}
            onCancel={() => setPerson(null)}
            onDone={() => {
              setPerson(null);
              void message.success(t('household.saved'));
              data.reload();
            }}
          />
        )}
      </Drawer>
    </div>
  );
}
