/**
 * Asked once, at the first sign-in of a resident aged 60+ or living alone: elder mode is already on; keep it, or
 * go to the standard pages. Either answer is kept with the account, so the question never comes back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';

/** The question card, shown while the account says `elderModeAsk`. */
export function ElderAsk() {
  const { t } = useTranslation();
  const { account, chooseElderMode } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!account?.elderModeAsk) return null;
  const answer = (on: boolean) => {
    setBusy(true);
    chooseElderMode(on).finally(() => setBusy(false));
  };
  return (
    <section className="card r-elder-ask" data-testid="elder-ask" aria-labelledby="elder-ask-title">
      <h2 id="elder-ask-title">{t('resident.elderAskTitle')}</h2>
      <p className="para">{t('resident.elderAskText')}</p>
      <div className="r-actions">
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={busy}
          onClick={() => answer(true)}
          data-testid="elder-ask-keep"
        >
          {t('resident.elderAskKeep')}
        </button>
        <button
          type="button"
          className="btn btn-block"
          disabled={busy}
          onClick={() => answer(false)}
          data-testid="elder-ask-standard"
        >
          {t('resident.elderAskStandard')}
        </button>
      </div>
    </section>
  );
}
