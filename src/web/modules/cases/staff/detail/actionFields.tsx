/**
 * The fields each action form asks for above the note, and the registry mapping an action to them. Each part is
 * a set of antd Form.Items, rendered inside the ActionForm's Form.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { CaseView, LimitUnit } from '../../../../api/cases.ts';
import { DispatchFields } from './DispatchFields.tsx';
import type { FormAction } from './actions.ts';

/** Props every field part gets. */
export interface FieldsProps {
  c: CaseView;
}

/** 上报: why it goes up a level. */
function EscalateFields() {
  const { t } = useTranslation();
  return (
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
  );
}

/** A reason in words (退回, 作废, and the first field of 申请延期). */
function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('cases.staff.reason')}
      rules={[{ required: true, whitespace: true, message: t('cases.staff.required') }]}
    >
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

const UNITS: LimitUnit[] = ['work_hours', 'work_days', 'hours'];

/** 申请延期: the reason, then by how much. */
function ExtensionFields() {
  const { t } = useTranslation();
  return (
    <>
      <ReasonField />
      <Space wrap>
        <Form.Item name="amount" label={t('cases.staff.extendBy')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="unit" label={t('cases.staff.unit')}>
          <Select style={{ minWidth: 140 }} options={UNITS.map((u) => ({ value: u, label: t(`cases.unit.${u}`) }))} />
        </Form.Item>
      </Space>
    </>
  );
}

/** 核查: done, or back for rework. */
function VerifyFields() {
  const { t } = useTranslation();
  return (
    <Form.Item name="ok" label={t('cases.staff.verifyQ')}>
      <Radio.Group>
        <Radio value="yes">✓ {t('cases.staff.verifyOk')}</Radio>
        <Radio value="no">✕ {t('cases.staff.verifyRework')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
}

/** Action → its fields above the note (null: the note alone). */
export const ACTION_FIELDS: Record<FormAction, ComponentType<FieldsProps> | null> = {
  escalate: EscalateFields,
  send_back: ReasonField,
  cancel: ReasonField,
  request_extension: ExtensionFields,
  dispatch: DispatchFields,
  verify: VerifyFields,
  resolve: null,
  supervise: null,
};
