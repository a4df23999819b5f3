/**
 * The class of the problem: the community's own classes as big buttons first, the national classes (GB/T
 * event and component classes, grouped by major class) in a select below.
 */
import { useTranslation } from 'react-i18next';
import type { CaseCategory } from '../../../../api/cases.ts';
import { categoryName } from '../../labels.ts';

/** Props: all classes, the chosen code ('' for none), and what choosing does. */
export function CategoryPicker({
  list,
  value,
  onChange,
}: {
  list: CaseCategory[];
  value: string;
  onChange(code: string): void;
}) {
  const { t } = useTranslation();
  const community = list.filter((c) => c.kind === 'community');
  const national = list.filter((c) => c.kind !== 'community');
  const groups = new Map<string, CaseCategory[]>();
  for (const c of national) {
    const kind = c.kind === 'event' ? t('cases.report.eventClass') : t('cases.report.componentClass');
    const g = `${kind} · ${c.majorName}`;
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const nationalPicked = national.some((c) => c.code === value);
  return (
    <fieldset className="c-fieldset">
      <legend className="c-legend">{t('cases.report.category')}</legend>
      {/* A fieldset (implicit role "group") rather than a div with role="group"; c-fieldset drops its frame. */}
      <fieldset className="c-fieldset c-cats" aria-label={t('cases.report.common')}>
        {community.map((c) => (
          <button
            key={c.code}
            type="button"
            className={`btn c-cat ${value === c.code ? 'btn-primary' : ''}`}
            aria-pressed={value === c.code}
            data-code={c.code}
            onClick={() => onChange(c.code)}
          >
            {value === c.code ? '✓ ' : ''}
            {categoryName(c)}
          </button>
        ))}
      </fieldset>
      <label className="field c-more">
        <span>{t('cases.report.moreClasses')}</span>
        <select
          value={nationalPicked ? value : ''}
          onChange={(e) => e.target.value && onChange(e.target.value)}
          data-testid="category-select"
        >
          <option value="">{t('cases.report.pickNational')}</option>
          {[...groups].map(([g, cs]) => (
            <optgroup key={g} label={g}>
              {cs.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryName(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
