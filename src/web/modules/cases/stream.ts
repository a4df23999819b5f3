/**
 * Live case updates: one shared EventSource on GET /api/cases/stream for the whole page; when the stream
 * cannot be opened (or keeps failing), subscribers are told to poll instead. Handlers refetch on each event.
 */
import { useEffect, useRef, useState } from 'react';
import type { CaseStreamEvent } from '../../api/cases.ts';

type Listener = (e: CaseStreamEvent | null) => void;
/** How the page currently learns about changes. */
export type LiveMode = 'connecting' | 'live' | 'polling';

const listeners = new Set<Listener>();
const modeListeners = new Set<(m: LiveMode) => void>();
let source: EventSource | null = null;
let mode: LiveMode = 'connecting';
let failures = 0;
let pollTimer: ReturnType<typeof setInterval> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Poll interval when there is no stream. */
const POLL_MS = 15_000;

function setMode(m: LiveMode): void {
  mode = m;
  for (const fn of modeListeners) fn(m);
  if (m === 'polling' && !pollTimer) {
    pollTimer = setInterval(() => {
      for (const fn of listeners) fn(null);
    }, POLL_MS);
  } else if (m !== 'polling' && pollTimer) {
    clearInterval(pollTimer);
    pollTimer = null;
  }
}

function open(): void {
  if (source || typeof EventSource === 'undefined') {
    if (typeof EventSource === 'undefined') setMode('polling');
    return;
  }
  const es = new EventSource('/api/cases/stream', { withCredentials: true });
  source = es;
  es.addEventListener('open', () => {
    // Something may have changed while we were away.
    if (mode !== 'live' && failures > 0) {
      for (const fn of listeners) fn(null);
    }
    failures = 0;
    setMode('live');
  });
  es.addEventListener('case', (ev) => {
    let data: CaseStreamEvent | null = null;
    try {
      data = JSON.parse((ev as MessageEvent<string>).data) as CaseStreamEvent;
    } catch {
      data = null;
    }
    for (const fn of listeners) fn(data);
  });
  es.addEventListener('error', () => {
    failures++;
    if (es.readyState === EventSource.CLOSED || failures >= 3) {
      es.close();
      source = null;
      setMode('polling');
      // Try the stream again later; polling covers the gap.
      if (!retryTimer && listeners.size > 0) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          if (listeners.size > 0) open();
        }, 30_000);
      }
    }
  });
}

function close(): void {
  source?.close();
  source = null;
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  mode = 'connecting';
  failures = 0;
}

/**
 * Call `onChange` for every case change the viewer may see (with the event), or with `null` when the page
 * should simply refetch (polling tick, reconnection). Returns the current mode for a status line.
 */
export function useCaseStream(onChange: Listener, enabled = true): LiveMode {
  const ref = useRef(onChange);
  ref.current = onChange;
  const [m, setM] = useState<LiveMode>(mode);
  useEffect(() => {
    if (!enabled) return;
    const fn: Listener = (e) => ref.current(e);
    listeners.add(fn);
    modeListeners.add(setM);
    open();
    setM(mode);
    return () => {
      listeners.delete(fn);
      modeListeners.delete(setM);
      if (listeners.size === 0) close();
    };
  }, [enabled]);
  return m;
}
