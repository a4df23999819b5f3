import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { testApp } from './server/testing/harness.ts';
it('dump', async () => {
  const t = await testApp({ seed: false });
  writeFileSync('/tmp/openapi.json', JSON.stringify(t.app.swagger(), null, 1));
  await t.close();
}, 60000);
