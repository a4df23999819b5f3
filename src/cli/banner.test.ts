/** The start-up banner names every demo login the seed creates, and none that it does not. */
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../server/modules/registry/index.ts';
import { bannerUsernames, startBanner } from './banner.ts';

describe('start-up banner', () => {
  it('names exactly the demo accounts of the seed', () => {
    const seeded = demoLogins().usernames;
    expect([...bannerUsernames()].sort()).toEqual([...seeded].sort());
  });

  it('shows the password only with the demo', () => {
    const { password } = demoLogins();
    const base = { url: 'http://localhost:8080', where: 'pglite, data', password };
    expect(startBanner({ ...base, demo: true })).toContain(password);
    expect(startBanner({ ...base, demo: false })).not.toContain(password);
  });
});
