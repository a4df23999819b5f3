/**
 * Known breaches of the architecture rules (rules.test.ts), written down when the rules were introduced
 * (2026-11-30). The list may only shrink: a new breach fails the build, and so does an entry that no longer
 * occurs (remove it when you fix it). Each entry is an import `from → to`, a file with SQL outside a
 * repository, or `file: table (owner)` for a query into another module's table. The plan for paying it off:
 * docs/CONTRIBUTING.md ("Architecture rules").
 */
export const KNOWN_BREACHES: readonly string[] = [
  'bench/cases.ts → src/server/modules/cases/testing/demo.ts',
  'bench/circle.ts → src/server/modules/circle/domain/index.ts',
  'bench/circle.ts → src/server/modules/circle/fixtures.ts',
  'bench/circle.ts → src/server/modules/circle/osm/import.ts',
  'bench/grid-lookup.ts → src/server/modules/registry/domain/geo/gridIndex.ts',
  'bench/grid-lookup.ts → src/server/modules/registry/domain/geo/synthetic.ts',
];
