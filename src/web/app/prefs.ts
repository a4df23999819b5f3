/**
 * Elder mode (长辈版, docs/domain.md §7): a class on <html> that the stylesheet turns into larger text and
 * targets. Persisted in localStorage so it survives reloads and logouts on a shared family phone.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'linli_elder';
const EVENT = 'linli:elder';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Apply the stored mode to the document (call once at start-up). */
export function applyElderMode(): void {
  document.documentElement.classList.toggle('elder', read());
}

/** Turn elder mode on or off and remember it. */
export function setElderMode(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    /* ignore: the class still applies for this visit */
  }
  document.documentElement.classList.toggle('elder', on);
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  window.addEventListener('storage', fn);
  return () => {
    window.removeEventListener(EVENT, fn);
    window.removeEventListener('storage', fn);
  };
}

/** Whether elder mode is on; re-renders when it changes. */
export function useElderMode(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
