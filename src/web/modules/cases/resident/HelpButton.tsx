/**
 * 一键求助 for an elderly resident living alone (tag 独居老人): one big button, then an inline confirmation
 * that never times out (docs/domain.md §7: no time limits while the user is acting), then the result in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../../api/cases.ts';
import { Link } from '../../../app/router.tsx';

/** The help card. */
export function HelpButton() {
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
            {t('cases.help.confirm')}
          </p>
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
        </fieldset>
      )}
      {step === 'done' && made && (
        <div role="status" data-testid="help-done">
          <p className="alert alert-ok">{t('cases.help.sent', { no: made.no })}</p>
          <Link className="btn btn-block" to={`/me/cases/${made.id}`}>
            {t('cases.help.follow')}
          </Link>
        </div>
      )}
      {step === 'idle' && <p className="para muted c-small">{t('cases.help.hint')}</p>}
    </section>
  );
}
