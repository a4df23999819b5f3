/**
 * Engines inside a worker thread, built from a graph in shared memory (no copy) and kept by the
 * graph's id so repeated requests on one network build the segment index only once per thread.
 */
import { createCircleEngine, type CircleEngine, type CircleEngineOptions } from '../domain/engine.ts';
import { decodeGraph } from '../osm/cache.ts';

/** A graph in shared memory plus the engine options to build its engine with (plain data). */
export interface EngineSpec {
  readonly id: string;
  readonly bytes: SharedArrayBuffer;
  readonly options: CircleEngineOptions;
}

const KEEP = 4;
const engines = new Map<string, CircleEngine>();

/** The engine of `spec` in this thread (built on first use; the oldest of more than four is dropped). */
export function engineFor(spec: EngineSpec): CircleEngine {
  const key = `${spec.id}|${JSON.stringify(spec.options)}`;
  let e = engines.get(key);
  if (e === undefined) {
    const r = decodeGraph(new Uint8Array(spec.bytes));
    if (!r.ok) throw r.error;
    e = createCircleEngine(r.value.graph, spec.options);
    engines.set(key, e);
    if (engines.size > KEEP) engines.delete(engines.keys().next().value!);
  }
  return e;
}
