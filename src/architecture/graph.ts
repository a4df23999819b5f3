/**
 * The import graph of the source tree, read from the files themselves (static `import`/`export … from` and
 * dynamic `import('…')` of relative paths), for the architecture rules in rules.test.ts. A regular-expression
 * reader is enough because the code base imports in one style (ESM, relative paths ending in `.ts`/`.tsx`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of one file. */
export interface ImportEdge {
  /** Repository-relative path of the importing file. */
  from: string;
  /** Repository-relative path of the imported file. */
  to: string;
  /** `import type` / `export type`: erased at run time, but still a dependency between modules. */
  typeOnly: boolean;
  /** `import('…')` evaluated at run time. */
  dynamic: boolean;
}

/** Source files under `dir` (repository-relative), tests included. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const STATIC = /^\s*(import|export)\s+(type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of the given files. */
export function importEdges(root: string, files: string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(join(root, from), 'utf8');
    const add = (spec: string, typeOnly: boolean, dynamic: boolean): void => {
      if (!spec.startsWith('.')) return;
      const to = relative(root, resolve(root, dirname(from), spec.replace(/\?.*$/, '')));
      edges.push({ from, to, typeOnly, dynamic });
    };
    for (const m of text.matchAll(STATIC)) add(m[3] ?? '', Boolean(m[2]), false);
    for (const m of text.matchAll(SIDE_EFFECT)) add(m[1] ?? '', false, false);
    for (const m of text.matchAll(DYNAMIC)) add(m[1] ?? '', false, true);
  }
  return edges;
}

/** Strongly connected components with more than one file (or a self-import): the import cycles. */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  const nodes = new Set([...next.keys(), ...edges.map((e) => e.to)]);
  for (const start of nodes) {
    if (idx.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      if (i === 0) {
        idx.set(v, index);
        low.set(v, index++);
        stack.push(v);
        onStack.add(v);
      }
      const succ = next.get(v) ?? [];
      if (i < succ.length) {
        top[1] = i + 1;
        const w = succ[i]!;
        if (!idx.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || succ.includes(v)) found.push(comp.sort());
      }
    }
  }
  return found;
}
