/**
 * One action's form: the action's own fields (from ACTION_FIELDS), the note (required for 办结) with its
 * "public reply" mark, result photos for 办结, and submit / cancel.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Form, Input, Space } from 'antd';
import type { CaseView } from '../../../../api/cases.ts';
import { ACTION_FIELDS } from './actionFields.tsx';
import type { FormAction } from './actions.ts';
import { PhotoUpload } from './PhotoUpload.tsx';
import { useActionForm } from './useActionForm.ts';

/** Props: the case, the action, and what happens after sending or cancelling. */
export function ActionForm({
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
  const { busy, error, files, setFiles, submit } = useActionForm(c, action, onDone);
  const Fields = ACTION_FIELDS[action];
  const resolve = action === 'resolve';
  return (
    <Card size="small" title={t(`cases.action.${action}`)} data-testid={`form-${action}`} className="cs-form">
      <Form
        layout="vertical"
        onFinish={(v) => void submit(v as Record<string, unknown>)}
        initialValues={{ unit: 'work_days', amount: 1, ok: 'yes' }}
      >
        {Fields && <Fields c={c} />}
        <Form.Item
          name="note"
          label={resolve ? t('cases.staff.resolveNote') : t('cases.staff.note')}
          rules={resolve ? [{ required: true, whitespace: true, message: t('cases.staff.required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="action-note" />
        </Form.Item>
        <Form.Item name="public" valuePropName="checked" extra={t('cases.staff.internalNoteHint')}>
          <Checkbox data-testid="action-note-public">{t('cases.staff.publicReply')}</Checkbox>
        </Form.Item>
        {resolve && (
          <Form.Item label={t('cases.staff.photos')}>
            <PhotoUpload files={files} onChange={setFiles} />
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
