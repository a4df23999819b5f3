/**
 * 报事 / 随手拍: one page, phone-first. Category (community classes first), location (phone GPS or a tap on a
 * lazily loaded map), up to 6 photos, description, "hide my name" on by default. The form is saved as a draft
 * (photos included) on every change; a submission that never got an answer stays pending with its
 * Idempotency-Key and is retried when the connection returns. Duplicates nearby are offered before a new case.
 * The state lives in hooks under ./report/ (one per concern), the cards are the parts beside them.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../../api/cases.ts';
import { useAccount } from '../../../app/auth.tsx';
import { useAsync } from '../../../lib/useAsync.ts';
import { CategoryPicker } from './report/CategoryPicker.tsx';
import { DescriptionStep } from './report/DescriptionStep.tsx';
import { DuplicatesList } from './report/DuplicatesList.tsx';
import { LocationStep } from './report/LocationStep.tsx';
import { PhotoStep } from './report/PhotoStep.tsx';
import { useDuplicates } from './report/useDuplicates.ts';
import { useLocationPick } from './report/useLocationPick.ts';
import { useOnline } from './report/useOnline.ts';
import { usePhotos } from './report/usePhotos.ts';
import { useReportDraft } from './report/useReportDraft.ts';
import { useSubmitReport } from './report/useSubmitReport.ts';

/** The page. */
export default function ReportPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const cats = useAsync(() => casesApi.categories(), []);
  const { draft, setDraft, update, restored, discard } = useReportDraft();
  const online = useOnline();
  const { submit, busy, msg, setMsg } = useSubmitReport(draft, setDraft, online);
  const pick = useLocationPick(draft?.location ?? null, (location) => update({ location }));
  const photos = usePhotos(draft, setDraft, setMsg);
  const { dups, ready: dupsReady, supportBusy, meToo } = useDuplicates(draft, setMsg);
  // A resident's scope is their grid (14 digits) or community (12): the community is the first 12.
  const communityCode = account.scope.code.length >= 12 ? account.scope.code.slice(0, 12) : null;

  if (!draft || cats.loading) return <p className="para muted">{t('app.loading')}</p>;
  if (cats.error) return <p className="alert alert-error">{cats.error.message}</p>;

  const problems: string[] = [];
  if (!draft.categoryCode) problems.push(t('cases.report.needCategory'));
  if (!draft.location) problems.push(t('cases.report.needLocation'));
  if (!draft.description.trim()) problems.push(t('cases.report.needDescription'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length) {
      setMsg({ ok: false, text: problems.join(' ') });
      return;
    }
    // Duplicates (if any) are on the page above the button; pressing it anyway is a deliberate new case.
    void submit(draft);
  };

  const startOver = async () => {
    await discard();
    setMsg(null);
    pick.clearMessage();
  };

  const hasDups = dups !== null && dups.length > 0;
  return (
    <form className="c-report" onSubmit={onSubmit} noValidate data-testid="report-page">
      <h1 className="r-hello">{t('cases.report.title')}</h1>
      {restored && (
        <div className="alert alert-ok c-restored" role="status" data-testid="draft-restored">
          {draft.pending ? t('cases.report.restoredPending') : t('cases.report.restored')}{' '}
          <button type="button" className="btn c-inline-btn" onClick={() => void startOver()}>
            {t('cases.report.discard')}
          </button>
        </div>
      )}
      {!online && (
        <p className="alert alert-error" role="status">
          {t('cases.report.noNetwork')}
        </p>
      )}
      <section className="card">
        <CategoryPicker
          list={cats.data?.categories ?? []}
          value={draft.categoryCode}
          onChange={(code) => update({ categoryCode: code })}
        />
      </section>
      <LocationStep
        location={draft.location}
        address={draft.address}
        onAddress={(address) => update({ address })}
        pick={pick}
        communityCode={communityCode}
      />
      {hasDups && <DuplicatesList items={dups} onSupport={(id) => void meToo(id)} busyId={supportBusy} />}
      <PhotoStep photos={photos} />
      <DescriptionStep
        description={draft.description}
        hideName={draft.hideName}
        onDescription={(description) => update({ description })}
        onHideName={(hideName) => update({ hideName })}
      />
      {msg && (
        <p className={`alert ${msg.ok ? 'alert-ok' : 'alert-error'}`} role="alert" data-testid="report-message">
          {msg.text}
        </p>
      )}
      {draft.pending && !busy && (
        <button type="button" className="btn btn-block" onClick={() => void submit(draft)} data-testid="retry">
          ↻ {t('cases.report.retry')}
        </button>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-block c-submit"
        disabled={busy || !dupsReady}
        data-testid="submit-report"
      >
        {busy ? t('cases.report.sending') : hasDups ? t('cases.report.submitAnyway') : t('cases.report.submit')}
      </button>
      <p className="para muted c-small">{t('cases.report.draftNote')}</p>
    </form>
  );
}
