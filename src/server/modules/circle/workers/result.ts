/**
 * What a worker task answers: a value or a typed failure (a CircleError's code and detail, which cross the thread
 * boundary as data). Its own file so that task implementations (tasks.ts, stored.ts) and the pool share it
 * without importing each other.
 */
import type { CircleError } from '../osm/errors.ts';

/** A failure that crossed the thread boundary as data. */
interface TaskFailure {
  readonly code: CircleError['code'];
  readonly detail: string;
  readonly cap?: CircleError['cap'];
}
/** The result of a task: a value or a typed failure. */
export type TaskResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: TaskFailure };
