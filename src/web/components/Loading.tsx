/** Shown while a chunk or data loads. */
import { useTranslation } from 'react-i18next';

/** A polite, text-only loading line (no spinner animation that could distract). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      {t('app.loading')}
    </div>
  );
}
