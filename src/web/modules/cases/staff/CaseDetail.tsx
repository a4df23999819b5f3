/**
 * One case for grid workers and staff: facts, deadlines (overdue in words + ⚠), the reporter (only when the
 * server sends it), photos, a link that opens the place in a map app, the buttons the server allows
 * (`case.allowed`), progress notes with photos, and the full history as a timeline. Live via the case stream.
 * The parts and hooks live in ./detail/ (one action form per action, chosen through ACTION_FIELDS).
 */
import { Alert, Card } from 'antd';
import { casesApi } from '../../../api/cases.ts';
import { useAsync } from '../../../lib/useAsync.ts';
import { useCaseStream } from '../stream.ts';
import { ActionsCard } from './detail/ActionsCard.tsx';
import { CaseFacts } from './detail/CaseFacts.tsx';
import { CaseHeader } from './detail/CaseHeader.tsx';
import { CaseHistory } from './detail/CaseHistory.tsx';
import { NoteForm } from './detail/NoteForm.tsx';
import CaseCarers from '../../care/CaseCarers.tsx';
import { useCaseActions } from './detail/useCaseActions.ts';

/** The page body for /cases/:id. */
export default function CaseDetail({ id }: { id: string }) {
  const one = useAsync(() => casesApi.one(id), [id]);
  const history = useAsync(() => casesApi.history(id), [id]);
  const reload = () => {
    one.reload();
    history.reload();
  };
  useCaseStream((e) => {
    if (!e || e.id === id) reload();
  });
  const c = one.data?.case;
  const actions = useCaseActions(c, reload);
  if (one.error) return <Alert type="error" showIcon title={one.error.message} />;
  if (!c) return <Card loading />;
  return (
    <div className="cs-detail" data-testid="staff-case" data-status={c.status} data-level={c.level} data-id={c.id}>
      <CaseHeader c={c} />
      {/* the carers of a person on the care list, from the care module (cases never import it) */}
      <CaseCarers caseId={c.id} />
      <ActionsCard c={c} actions={actions} />
      <div className="cs-cols">
        <CaseFacts c={c} />
        <CaseHistory events={history.data?.events ?? []} />
      </div>
      {(c.allowed ?? []).some((a) => a === 'resolve' || a === 'escalate') && (
        <div className="cs-gap-top">
          <NoteForm id={c.id} onDone={reload} />
        </div>
      )}
    </div>
  );
}
