/** Add or edit a resident, with the client-side checks; the server's refusal is shown above the form. */
import { shanghaiDate } from '../../../shared/time.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import type { FormRule as Rule } from 'antd';
import { api } from '../../api/client.ts';
import type { Resident } from '../../api/types.ts';
import { checkBirthMatchesId, checkIdNumber, checkPhone } from '../../lib/validate.ts';
import { validateIdNumber } from '../../../server/modules/registry/domain/idNumber.ts';

const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '其他'];
const TAGS = ['独居老人', '空巢老人', '高龄老人', '儿童', '残疾', '低保', '党员', '退役军人'];

interface Values {
  name: string;
  gender: 'male' | 'female';
  phone?: string;
  idNumber?: string;
  birthDate?: string;
  relation?: string;
  tags?: string[];
}

/** Today in Asia/Shanghai as `YYYY-MM-DD` (the server's calendar). */
function today(): string {
  return shanghaiDate(Date.now());
}

/**
 * The form. With `resident` it edits (PATCH, masked fields left blank mean "unchanged"); without, it adds
 * to `householdId` (POST).
 */
export function ResidentForm(props: { householdId: string; resident?: Resident; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const r = props.resident;
  const masked = (v: string | null | undefined) => !!v && v.includes('*');
  // Roles that see masked ID numbers get an age, never the birth date: blank means "unchanged" on edit.
  const birthHidden = !!r && r.birthDate === null;
  const rule = (check: (v: string) => string | null): Rule => ({
    validator: async (_, v: string | undefined) => {
      const p = v ? check(v) : null;
      if (p) throw new Error(t(p));
    },
  });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      name: v.name.trim(),
      gender: v.gender,
      relation: v.relation,
      tags: v.tags ?? [],
    };
    // Masked values left blank on edit mean "unchanged"; on create, blank means "none" (null).
    const phone = v.phone?.trim() || null;
    const idNumber = v.idNumber?.trim().toUpperCase() || null;
    if (phone || !r) body.phone = phone;
    if (idNumber || !r) body.idNumber = idNumber;
    const fromId = idNumber ? validateIdNumber(idNumber) : null;
    const birthDate = v.birthDate || (fromId?.ok ? fromId.birthDate : '');
    if (birthDate) body.birthDate = birthDate;
    try {
      if (r) await api('PATCH', `/api/residents/${r.id}`, { version: r.version, ...body });
      else await api('POST', `/api/households/${props.householdId}/residents`, body);
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{
        name: r?.name ?? '',
        gender: r?.gender ?? 'female',
        phone: masked(r?.phone) ? '' : (r?.phone ?? ''),
        idNumber: masked(r?.idNumber) ? '' : (r?.idNumber ?? ''),
        birthDate: r?.birthDate ?? '',
        relation: r?.relation ?? '其他',
        tags: r?.tags ?? [],
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form.Item
        name="name"
        label={t('person.name')}
        rules={[{ required: true, whitespace: true, message: t('household.required') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="gender" label={t('person.gender')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'male', label: t('person.male') },
            { value: 'female', label: t('person.female') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('person.phone')}
        rules={[rule(checkPhone)]}
        extra={masked(r?.phone) ? r?.phone : undefined}
      >
        <Input inputMode="tel" maxLength={13} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('person.idNumber')}
        rules={[rule((v) => checkIdNumber(v, today()))]}
        extra={masked(r?.idNumber) ? r?.idNumber : undefined}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        name="birthDate"
        label={t('person.birthDate')}
        extra={birthHidden ? t('person.birthDateHidden', { age: r?.age ?? '' }) : undefined}
        dependencies={['idNumber']}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              const id = form.getFieldValue('idNumber') as string | undefined;
              // Required unless a valid ID number supplies it, or it is hidden from this role (kept as it is).
              if (!v && !birthHidden && !(id && validateIdNumber(id).ok)) throw new Error(t('household.required'));
              const p = checkBirthMatchesId(v, id);
              if (p) throw new Error(t(p));
            },
          },
        ]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item name="relation" label={t('person.relation')}>
        <Select options={RELATIONS.map((x) => ({ value: x, label: t(`person.relations.${x}`) }))} />
      </Form.Item>
      <Form.Item name="tags" label={t('person.tags')}>
        <Select mode="tags" options={TAGS.map((x) => ({ value: x, label: t(`tag.${x}`) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('household.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('household.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** Relation and tag vocabularies, for filters. */
export const VOCAB = { RELATIONS, TAGS };
