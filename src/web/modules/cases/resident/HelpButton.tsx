/**
 * 一键求助 for an elderly resident living alone (tag 独居老人): one big button, then an inline confirmation
 * that never times out (docs/domain.md §7: no time limits while the user is acting), then the result in words:
 * who will come and by when, with the grid worker's number and 120 one tap away (an emergency should not wait for
 * a case to be read).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';
import { dateTime, timeOfDay } from '../../../lib/format.ts';
import { shanghaiDate } from '../../../../shared/time.ts';

/** The grid worker who answers (from the resident's grid). */
export interface HelpWorker {
  displayName: string;
  phone: string | null;
}

/** A deadline in words: the time today, or the date and time when it falls on another day (Shanghai time). */
const when = (iso: string): string =>
  shanghaiDate(new Date(iso)) === shanghaiDate(Date.now()) ? timeOfDay(iso) : dateTime(iso).slice(0, -3);

const dialable = (phone: string | null): phone is string => !!phone && /^\+?\d{5,15}$/.test(phone);

/** Call buttons: the grid worker (when the number is dialable) and 120. */
function CallButtons({ worker }: { worker: HelpWorker | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="c-help-calls">
      {worker && dialable(worker.phone) && (
        <a className="btn btn-primary btn-block" href={`tel:${worker.phone}`} data-testid="help-call-worker">
          <span aria-hidden="true">☎</span> {t('cases.help.callWorker', { name: worker.displayName })}
        </a>
      )}
      <a className="btn btn-block c-help-120" href="tel:120" data-testid="help-call-120">
        <span aria-hidden="true">✚</span> {t('cases.help.call120')}
      </a>
    </div>
  );
}

/** The help card; `worker` is the resident's grid worker when known. */
export function HelpButton({ worker }: { worker?: HelpWorker | undefined }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'idle' | 'confirm' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<CaseView | null>(null);

  const send = async () => {
    setStep('sending');
    setError(null);
    try {
      const r = await casesApi.help();
      setMade(r.case);
      setStep('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStep('confirm');
    }
  };

  return (
    <section className="card c-help" aria-labelledby="help-title" data-testid="help-card">
      <h2 id="help-title">{t('cases.help.title')}</h2>
      {step === 'idle' && (
        <button
          type="button"
          className="btn btn-block c-help-btn"
          onClick={() => setStep('confirm')}
          data-testid="help-button"
        >
          <span aria-hidden="true">☎</span> {t('cases.help.button')}
        </button>
      )}
      {(step === 'confirm' || step === 'sending') && (
        <fieldset className="c-fieldset" aria-labelledby="help-q">
          <p className="para c-help-q" id="help-q">
            {worker ? t('cases.help.confirmWho', { name: worker.displayName }) : t('cases.help.confirm')}
          </p>
          <p className="para c-small">{t('cases.help.emergency')}</p>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          <div className="c-row">
            <button
              type="button"
              className="btn c-help-btn c-grow"
              disabled={step === 'sending'}
              onClick={() => void send()}
              data-testid="help-confirm"
            >
              {step === 'sending' ? t('cases.help.sending') : `✓ ${t('cases.help.yes')}`}
            </button>
            <button type="button" className="btn c-grow" disabled={step === 'sending'} onClick={() => setStep('idle')}>
              ✕ {t('cases.help.no')}
            </button>
          </div>
          <CallButtons worker={worker} />
        </fieldset>
      )}
      {step === 'done' && made && (
        <div role="status" data-testid="help-done">
          <p className="alert alert-ok">
            {worker && made.acceptBy
              ? t('cases.help.sentWho', { no: made.no, name: worker.displayName, by: when(made.acceptBy) })
              : t('cases.help.sent', { no: made.no })}
          </p>
          <CallButtons worker={worker} />
          <Link className="btn btn-block c-help-follow" to={`/me/cases/${made.id}`} data-testid="help-follow">
            {t('cases.help.follow')}
          </Link>
        </div>
      )}
      {step === 'idle' && <p className="para muted c-small">{t('cases.help.hint')}</p>}
    </section>
  );
}
