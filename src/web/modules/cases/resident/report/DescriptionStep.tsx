/** The description and the "hide my name" toggle (on by default), with what the toggle means in words. */
import { useTranslation } from 'react-i18next';

/** Props: the description, the toggle, and how each changes. */
export function DescriptionStep({
  description,
  hideName,
  onDescription,
  onHideName,
}: {
  description: string;
  hideName: boolean;
  onDescription(text: string): void;
  onHideName(hide: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <label className="field">
        <span>{t('cases.report.description')}</span>
        <textarea
          className="c-textarea"
          rows={4}
          maxLength={2000}
          value={description}
          placeholder={t('cases.report.descriptionHint')}
          onChange={(e) => onDescription(e.target.value)}
          data-testid="description"
        />
      </label>
      <button
        type="button"
        className={`btn btn-block c-toggle ${hideName ? 'btn-primary' : ''}`}
        aria-pressed={hideName}
        onClick={() => onHideName(!hideName)}
        data-testid="hide-name"
      >
        {t('cases.report.hideName')}
        <span className="r-state">{hideName ? t('resident.statusOn') : t('resident.statusOff')}</span>
      </button>
      <p className="para muted c-small">{hideName ? t('cases.report.hideNameOn') : t('cases.report.hideNameOff')}</p>
    </section>
  );
}
