/** The 长辈版 switch: a real button whose text (not only its colour) says what it does and the state. */
import { useTranslation } from 'react-i18next';
import { setElderMode, useElderMode } from '../../app/prefs.ts';
import { useAuth } from '../../app/auth.tsx';

/** Elder-mode toggle; `compact` is the header variant. */
export function ElderToggle({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const on = useElderMode();
  const { account, chooseElderMode } = useAuth();
  // Signed in: the choice is kept with the account (every phone); on public pages: this device only.
  const choose = (v: boolean) => (account ? void chooseElderMode(v).catch(() => undefined) : setElderMode(v));
  return (
    <button
      type="button"
      className={`btn ${compact ? 'r-bar-btn' : 'btn-block'} ${on ? 'btn-primary' : ''}`}
      aria-pressed={on}
      data-testid="elder-toggle"
      onClick={() => choose(!on)}
    >
      {compact ? t('resident.elderMode') : on ? t('resident.elderOff') : t('resident.elderOn')}
      {compact && <span className="r-state">{on ? t('resident.statusOn') : t('resident.statusOff')}</span>}
    </button>
  );
}
