/**
 * The report draft survives a lost connection and a closed tab: the whole form, photos included (as Blobs),
 * is kept in IndexedDB (localStorage without photos when IndexedDB is unavailable), together with the
 * Idempotency-Key of the submission so a retry can never create a second case.
 */
import type { Crs } from '../../api/cases.ts';

/** A saved report form. */
export interface ReportDraft {
  categoryCode: string;
  description: string;
  location: { lon: number; lat: number; crs: Crs; source: 'gps' | 'map' } | null;
  address: string;
  hideName: boolean;
  photos: Blob[];
  /** Idempotency-Key for this report; kept until the server has answered. */
  key: string;
  /** True once the user pressed "submit" and the answer never came. */
  pending: boolean;
  savedAt: string;
}

const DB = 'linli-cases';
const STORE = 'drafts';
const ID = 'report';
const LS_KEY = 'linli_report_draft';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('no indexedDB'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('indexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('indexedDB'));
    });
  } finally {
    db.close();
  }
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Save (replace) the draft. */
export async function saveDraft(d: ReportDraft): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.put(d, ID));
  } catch {
    try {
      localStorage.setItem(LS_KEY, JSON.stringify({ ...d, photos: [] }));
    } catch {
      /* storage full or private mode: nothing more we can do */
    }
  }
}

/** The saved draft, if any. */
export async function loadDraft(): Promise<ReportDraft | null> {
  try {
    const d = await withStore<ReportDraft | undefined>(
      'readonly',
      (s) => s.get(ID) as IDBRequest<ReportDraft | undefined>,
    );
    if (d) return d;
  } catch {
    /* fall through to localStorage */
  }
  try {
    const raw = localStorage.getItem(LS_KEY);
    return raw ? (JSON.parse(raw) as ReportDraft) : null;
  } catch {
    return null;
  }
}

/** Forget the draft (after the server accepted it, or the user discarded it). */
export async function clearDraft(): Promise<void> {
  try {
    localStorage.removeItem(LS_KEY);
  } catch {
    /* ignore */
  }
  try {
    await withStore('readwrite', (s) => s.delete(ID));
  } catch {
    /* ignore */
  }
}

/** Whether a draft holds anything worth keeping. */
export function hasContent(d: Pick<ReportDraft, 'categoryCode' | 'description' | 'photos' | 'location'>): boolean {
  return !!(d.categoryCode || d.description.trim() || d.photos.length || d.location);
}
