/**
 * The report form's state: restored once from the saved draft, autosaved (debounced) on every change, and
 * patched field by field by the steps of the page.
 */
import { useCallback, useEffect, useState } from 'react';
import { clearDraft, hasContent, loadDraft, newKey, saveDraft, type ReportDraft } from '../../drafts.ts';

/** A fresh, empty form with its own Idempotency-Key; the name is hidden by default. */
function emptyDraft(): ReportDraft {
  return {
    categoryCode: '',
    description: '',
    location: null,
    address: '',
    hideName: true,
    photos: [],
    key: newKey(),
    pending: false,
    savedAt: new Date().toISOString(),
  };
}

/** The draft (null until loaded), whether it was restored, and the ways to change it. */
export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [restored, setRestored] = useState(false);

  // Restore the draft once: only one with content (or a pending submission) is worth showing.
  useEffect(() => {
    let live = true;
    void loadDraft().then((d) => {
      if (!live) return;
      if (d && (hasContent(d) || d.pending)) {
        setDraft({ ...emptyDraft(), ...d, photos: d.photos ?? [] });
        setRestored(true);
      } else setDraft(emptyDraft());
    });
    return () => {
      live = false;
    };
  }, []);

  // Autosave (debounced) so a closed tab or a lost connection loses nothing.
  useEffect(() => {
    if (!draft) return;
    const h = setTimeout(() => void saveDraft({ ...draft, savedAt: new Date().toISOString() }), 300);
    return () => clearTimeout(h);
  }, [draft]);

  const update = useCallback((patch: Partial<ReportDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
  }, []);

  /** Throw the saved draft away and start again. */
  const discard = useCallback(async () => {
    await clearDraft();
    setDraft(emptyDraft());
    setRestored(false);
  }, []);

  return { draft, setDraft, update, restored, discard };
}
