/**
 * Sending one action form. For "resolve" the result photos go up first as a progress note (the action itself
 * is JSON only), then the action; the server's message is shown in the form when either fails.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App as AntApp } from 'antd';
import type { UploadFile } from 'antd';
import { casesApi, type CaseView } from '../../../../api/cases.ts';
import { actionBody, filesOf, type FormAction } from './actions.ts';

/** Busy flag, error, the picked result photos, and `submit` for the form's values. */
export function useActionForm(c: CaseView, action: FormAction, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const { body, note, isPublic } = actionBody(action, v, c.version);
      if (action === 'resolve') {
        const photos = filesOf(files);
        if (photos.length) await casesApi.note(c.id, note ?? t('cases.staff.resultPhotos'), photos, isPublic);
      }
      await casesApi.act(c.id, action, body);
      message.success(t('cases.staff.done', { action: t(`cases.action.${action}`) }));
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, files, setFiles, submit };
}
