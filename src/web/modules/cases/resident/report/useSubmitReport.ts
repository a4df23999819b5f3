/**
 * Sending the report. The draft is marked pending (and saved) before the request, so an answer that never
 * comes leaves it pending with the same Idempotency-Key; it is retried when the connection returns (and
 * once on open). A refusal clears the pending mark, with a new key only when the server says it was reused.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client.ts';
import { postReport } from '../../../../api/cases.ts';
import { useAccount } from '../../../../app/auth.tsx';
import { navigate } from '../../../../app/router.tsx';
import { clearDraft, newKey, saveDraft, type ReportDraft } from '../../drafts.ts';
import { runningPatrol } from '../../patrolStore.ts';

/** A line shown to the user: ok (green) or not (red). */
export type Message = { ok: boolean; text: string } | null;

/** The request body for a draft (photos travel separately). */
function reportBody(d: ReportDraft, role: string) {
  // A grid worker on patrol files what they find as patrol-found.
  const patrol = role === 'grid_worker' ? runningPatrol() : null;
  return {
    categoryCode: d.categoryCode,
    description: d.description.trim(),
    hideName: d.hideName,
    ...(d.location ? { location: { lon: d.location.lon, lat: d.location.lat, crs: d.location.crs } } : {}),
    ...(d.address.trim() ? { address: d.address.trim() } : {}),
    ...(patrol ? { source: 'patrol' as const, patrolId: patrol.id } : {}),
  };
}

/** Submit, its busy flag and the page's message line (shared with the other steps). */
export function useSubmitReport(
  draft: ReportDraft | null,
  setDraft: Dispatch<SetStateAction<ReportDraft | null>>,
  online: boolean,
) {
  const { t } = useTranslation();
  const account = useAccount();
  const [msg, setMsg] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  const submit = useCallback(
    async (d: ReportDraft) => {
      if (sending.current) return;
      sending.current = true;
      setBusy(true);
      setMsg(null);
      const pendingDraft = { ...d, pending: true };
      setDraft(pendingDraft);
      await saveDraft(pendingDraft);
      const body = reportBody(d, account.role);
      try {
        const r = await postReport(body, d.photos, d.key);
        await clearDraft();
        setDraft(null);
        navigate(`/me/cases/${r.case.id}?new=1`);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
        if (err.status === 0 || err.status >= 500) {
          // Never reached the server (or it failed): keep the draft pending; retry with the same key.
          setMsg({ ok: false, text: t('cases.report.offline') });
        } else {
          const next = { ...d, pending: false, key: err.code === 'IDEMPOTENCY_KEY_REUSED' ? newKey() : d.key };
          setDraft(next);
          await saveDraft(next);
          setMsg({ ok: false, text: err.message });
        }
      } finally {
        sending.current = false;
        setBusy(false);
      }
    },
    [t, account.role, setDraft],
  );

  // Retry only when "pending" or "online" changes: editing a pending draft must not resend it on each keystroke,
  // so the draft is read through an effect event (its latest value, without being a trigger).
  const retry = useEffectEvent(() => {
    if (draft && !sending.current) void submit(draft);
  });
  const pending = draft?.pending ?? false;
  useEffect(() => {
    if (pending && online) retry();
  }, [pending, online]);

  return { submit, busy, msg, setMsg };
}
