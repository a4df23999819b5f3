/**
 * The action buttons' state: which form is open, which one-click action is running. One-click actions are sent
 * straight away with the case's version; the others open their form.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App as AntApp } from 'antd';
import { casesApi, type CaseActionType, type CaseView } from '../../../../api/cases.ts';
import { ONE_CLICK, type FormAction } from './actions.ts';

/** Open form, running action, and `act` (the button's click); `reload` refreshes the case after a change. */
export function useCaseActions(c: CaseView | undefined, reload: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form, setForm] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (a: CaseActionType) => {
    if (!c) return;
    if (!ONE_CLICK.includes(a)) {
      setForm(a as FormAction);
      return;
    }
    setBusy(a);
    try {
      await casesApi.act(c.id, a, { version: c.version });
      message.success(t('cases.staff.done', { action: t(`cases.action.${a}`) }));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      reload();
    } finally {
      setBusy(null);
    }
  };

  const closeForm = () => setForm(null);
  const formDone = () => {
    setForm(null);
    reload();
  };

  return { form, busy, act, closeForm, formDone };
}

/** What the actions card shows and does. */
export type CaseActions = ReturnType<typeof useCaseActions>;
