/** The seven steps of a case as a text list with ✓ marks (no colour-only progress). */
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../api/cases.ts';

const ORDER: CaseStatus[] = ['registered', 'dispatched', 'handling', 'resolved', 'closed', 'evaluated'];

/** Progress through 立案 → 派遣 → 处置 → 反馈 → 结案 → 评价. */
export function CaseSteps({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  if (status === 'cancelled' || status === 'merged') return null;
  const at = ORDER.indexOf(status);
  return (
    <ol className="c-steps" aria-label={t('cases.progress')}>
      {ORDER.map((s, i) => (
        <li
          key={s}
          className={i < at ? 'is-done' : i === at ? 'is-now' : ''}
          aria-current={i === at ? 'step' : undefined}
        >
          <span aria-hidden="true">{i < at ? '✓' : i === at ? '▶' : '○'}</span> {t(`cases.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
