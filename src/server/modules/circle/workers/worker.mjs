// Piscina worker entry. The worker thread is plain Node: register tsx here so the TypeScript task module
// loads the same way under `npm start`, the CLI and vitest (whatever the parent's execArgv was).
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

/** Piscina calls the default export with each task. */
export default tasks.runTask;
