#!/usr/bin/env node
// The `linli` command (npx linli …): runs the TypeScript CLI through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
