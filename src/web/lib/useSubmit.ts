/**
 * The one way a form sends something: `busy` while it runs, the server's (already localised) message in `error`
 * when it fails, and no unhandled rejection. `setError` lets a caller show its own message (e.g. GPS refused).
 */
import { useCallback, useState } from 'react';

/** State and runner of a submission. `run` resolves true when `fn` succeeded. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
