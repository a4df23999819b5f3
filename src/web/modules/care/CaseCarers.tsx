/**
 * The care side of a case page: when the case's reporter (or the person of the visit it came from) is on the
 * care list, that person's carers, and a link to the visit. Read from the care module (cases never import it).
 */
import { useTranslation } from 'react-i18next';
import { Alert } from 'antd';
import { Link } from '../../app/router.tsx';
import { dateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { careApi } from './api.ts';

/** Nothing when the case has no care link; never blocks the case page on an error. */
export default function CaseCarers({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const r = useAsync(() => careApi.caseCarers(caseId), [caseId]);
  const d = r.data;
  if (!d || (!d.onCareList && !d.visit)) return null;
  return (
    <Alert
      type="info"
      data-testid="case-carers"
      title={
        <div>
          {d.visit && (
            <div>
              {t('care.fromVisit')}：
              <Link to={`/care/visits/${d.visit.id}`} data-testid="case-visit-link">
                {dateTime(d.visit.visitedAt)} · {d.visit.visitorName}
              </Link>
            </div>
          )}
          {d.onCareList && d.person && (
            <div>
              {t('care.caseCarers')}（{d.person.name}）：
              {d.carers.map((c) => (
                <span key={`${c.kind}-${c.accountId ?? c.name}`} data-testid="case-carer">
                  {' '}
                  {c.name}
                  {c.phone ? ` ☎ ${c.phone}` : ''}；
                </span>
              ))}
            </div>
          )}
        </div>
      }
    />
  );
}
