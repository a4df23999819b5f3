/** A button that flips between zh-CN and English (plain HTML, usable on every page). */
import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from '../i18n/index.ts';

/** Language toggle; the label names the language you switch to. */
export function LangSwitch({ className = 'btn' }: { className?: string }) {
  const { t } = useTranslation();
  const next = currentLang() === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className={className}
      data-testid="lang-switch"
      lang={next}
      aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`}
      onClick={() => setLang(next)}
    >
      {t('lang.switchTo')}
    </button>
  );
}
