/**
 * The parts of a topic page every audience shares (plain React + CSS, phone-first, elder mode through the shell's
 * classes): timeline, drawings and their versions, minutes, votes with each threshold and its numbers.
 */
import { useTranslation } from 'react-i18next';
import type { TopicView, VoteResult, VoteView } from '../../api/consult.ts';

const when = (iso: string) => iso.slice(0, 10);

/** A vote's result: passed or not, and each threshold with its numbers. */
export function Tally({ result }: { result: VoteResult }) {
  const { t } = useTranslation();
  return (
    <div className="card" data-testid="tally" data-passed={result.passed} data-quorum={result.quorum}>
      <p className="para">
        <b>{result.passed ? `✔ ${t('consult.passed')}` : `✘ ${t('consult.failed')}`}</b>
        {' · '}
        {result.quorum ? t('consult.quorum') : t('consult.noQuorum')}
      </p>
      <ul className="c-list">
        {result.thresholds.map((x) => (
          <li key={x.key} data-testid="threshold" data-key={x.key} data-met={x.met}>
            {x.met ? '✔' : '✘'} {t(`consult.th.${x.key}`)}
            {x.unit === 'area' ? ' (m²)' : ''}：
            {t('consult.need', { rule: x.rule, actual: x.actual, base: x.base, required: x.required })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One vote: title, state, result (when closed) and, on the public page, the tally file download. */
export function VoteBlock({ v, publicPage, children }: { v: VoteView; publicPage?: boolean; children?: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="vote" data-id={v.id}>
      <h3>
        {v.title}
        {v.secret ? ` · ${t('consult.secret')}` : ''}
      </h3>
      <p className="muted">{v.closedAt ? t('consult.closed') : t('consult.open', { at: when(v.closesAt) })}</p>
      {v.result && <Tally result={v.result} />}
      {publicPage && v.result && v.kind === 'owners' && (
        <a className="btn" href={`/api/public/consult/votes/${v.id}/tally.json`} data-testid="tally-download" download>
          {t('consult.download')}
        </a>
      )}
      {children as never}
    </section>
  );
}

/** Timeline, drawings, minutes and project of a topic. */
export function TopicBody({ view, drawingBase }: { view: TopicView; drawingBase: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="r-hello" data-testid="topic-title">
        {view.topic.title}
      </h1>
      <p className="para muted">
        {t('consult.scope')}：{view.topic.scope.name} · {t(`consult.stage.${view.topic.stage}`)}
      </p>
      <p className="para">{view.topic.body}</p>
      <h2>{t('consult.timeline')}</h2>
      <ol data-testid="timeline">
        {view.timeline.map((s) => (
          <li key={s.stage}>
            {t(`consult.stage.${s.stage}`)} · {when(s.startedAt)}
            {s.note ? ` · ${s.note}` : ''}
          </li>
        ))}
      </ol>
      {view.drawings.length > 0 && <h2>{t('consult.drawings')}</h2>}
      {view.drawings.map((d) => (
        <figure key={d.id} className="card" data-testid="drawing" data-version={d.version}>
          <img src={`${drawingBase}/${d.id}`} alt={`${d.title} v${d.version}`} style={{ maxWidth: '100%' }} />
          <figcaption>
            v{d.version} · {d.note}
          </figcaption>
        </figure>
      ))}
      {view.meetings.length > 0 && <h2>{t('consult.meetings')}</h2>}
      {view.meetings.map((m) => (
        <div key={m.id} className="card" data-testid="minutes">
          <p className="muted">
            {when(m.heldAt)} · {t('consult.present', { present: m.present, of: m.ofHouseholds })}
          </p>
          <p className="para">{m.minutes}</p>
        </div>
      ))}
      {view.project && (
        <section className="card" data-testid="project">
          <h2>
            {t('consult.project')}：{view.project.title}
          </h2>
          <ul>
            {view.project.milestones.map((m) => (
              <li key={m.seq}>
                {t(`consult.milestone.${m.kind}`)} · {m.progress}%
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
