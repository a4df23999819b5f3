/**
 * Open cases of the same class near the chosen place, offered before a new case is made ("me too" supports
 * one instead). Submitting waits until the list for the current class and place has arrived.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { casesApi, type DuplicateCase } from '../../../../api/cases.ts';
import { navigate } from '../../../../app/router.tsx';
import { clearDraft, type ReportDraft } from '../../drafts.ts';
import type { Message } from './useSubmitReport.ts';

/** The duplicates, whether they are current, and "me too". */
export function useDuplicates(draft: ReportDraft | null, setMsg: (m: Message) => void) {
  const [dups, setDups] = useState<DuplicateCase[] | null>(null);
  const [dupsFor, setDupsFor] = useState('');
  const [supportBusy, setSupportBusy] = useState<string | null>(null);
  const code = draft?.categoryCode ?? '';
  const loc = draft?.location ?? null;
  const dupKey = code && loc ? `${code}|${loc.lon}|${loc.lat}` : '';

  // The class and the point are the trigger; the coordinate system is read as it is when the key changes.
  const fetchFor = useEffectEvent((key: string, live: () => boolean) => {
    if (!loc) return;
    const done = (list: DuplicateCase[]) => {
      if (!live()) return;
      setDups(list);
      setDupsFor(key);
    };
    casesApi
      .duplicates(code, loc.lon, loc.lat, loc.crs)
      .then((r) => done(r.duplicates))
      .catch(() => done([]));
  });
  useEffect(() => {
    if (!dupKey) {
      setDups(null);
      return;
    }
    let live = true;
    fetchFor(dupKey, () => live);
    return () => {
      live = false;
    };
  }, [dupKey]);

  const meToo = async (id: string) => {
    setSupportBusy(id);
    try {
      await casesApi.support(id);
      await clearDraft();
      navigate(`/me/cases/${id}?supported=1`);
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
      setSupportBusy(null);
    }
  };

  return { dups, ready: !dupKey || dupsFor === dupKey, supportBusy, meToo };
}
