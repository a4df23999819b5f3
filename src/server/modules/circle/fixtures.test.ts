import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from './fixtures.ts';

describe('repository fixtures', () => {
  it('the Monaco extract is in the repository, unmodified, with its ODbL notice', () => {
    const sha = createHash('sha256').update(readFixture('osm/monaco.osm.pbf')).digest('hex');
    expect(sha).toBe('36c0f0029ed838897322382611b67e8e5e7bcb07d5b17a25f3574dec54f1c23c');
    expect(readFixture('osm/NOTICE.md').toString('utf8')).toContain('© OpenStreetMap contributors');
  });

  it('a missing fixture is an error naming its path, never a silent skip', () => {
    expect(existsSync(fixturePath('osm/absent.osm.pbf'))).toBe(false);
    expect(() => readFixture('osm/absent.osm.pbf')).toThrow(/fixture missing: .*fixtures\/osm\/absent\.osm\.pbf/);
  });
});
