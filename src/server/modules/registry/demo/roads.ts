/**
 * Road network builder for the demo. Every way is built from axis-aligned "lines" that collect break
 * points; a path ending on a line registers its end as a break of that line, so the emitted LineStrings
 * share the exact same vertex (same local metres → same rounded WGS-84) wherever ways meet.
 */
import { lineFromLocal } from './geo.ts';
import type { DemoRoad } from './types.ts';

type Attr = { name: string | null; highway: DemoRoad['highway'] };

interface AxisLine {
  vertical: boolean;
  /** x of a vertical line, y of a horizontal one (local metres). */
  fixed: number;
  breaks: Set<number>;
  /** Attributes of the piece between two consecutive breaks. */
  attr: (a: number, b: number) => Attr;
}

/** Collects lines and free paths, then emits {@link DemoRoad}s with shared vertices. */
export class RoadNet {
  private readonly lines = new Map<string, AxisLine>();
  private readonly paths: { pts: [number, number][]; attr: Attr }[] = [];

  /** Add an axis-aligned line from `from` to `to` (also breaks) with piecewise attributes. */
  addLine(
    id: string,
    vertical: boolean,
    fixed: number,
    from: number,
    to: number,
    attr: (a: number, b: number) => Attr,
  ): void {
    if (this.lines.has(id)) throw new Error(`duplicate line ${id}`);
    this.lines.set(id, { vertical, fixed, breaks: new Set([from, to]), attr });
  }

  /** Make `t` (the coordinate along line `id`) a vertex of that line; returns the local point. */
  attach(id: string, t: number): [number, number] {
    const line = this.lines.get(id);
    if (!line) throw new Error(`unknown line ${id}`);
    line.breaks.add(t);
    return line.vertical ? [line.fixed, t] : [t, line.fixed];
  }

  /** Add a free path (its ends must already be attached to lines, or be dead ends). */
  addPath(pts: [number, number][], highway: DemoRoad['highway'], name: string | null = null): void {
    this.paths.push({ pts, attr: { name, highway } });
  }

  /** Emit the ways: each line split into runs of equal attributes, then the free paths. */
  build(): DemoRoad[] {
    const out: { pts: [number, number][]; attr: Attr }[] = [];
    for (const line of this.lines.values()) {
      const ts = [...line.breaks].sort((a, b) => a - b);
      let run: number[] = [];
      let runAttr: Attr | null = null;
      for (let k = 0; k + 1 < ts.length; k++) {
        const a = ts[k] as number;
        const b = ts[k + 1] as number;
        const attr = line.attr(a, b);
        if (runAttr && (attr.name !== runAttr.name || attr.highway !== runAttr.highway)) {
          out.push({ pts: run.map((t) => (line.vertical ? [line.fixed, t] : [t, line.fixed])), attr: runAttr });
          run = [];
        }
        if (run.length === 0) run.push(a);
        run.push(b);
        runAttr = attr;
      }
      if (runAttr)
        out.push({ pts: run.map((t) => (line.vertical ? [line.fixed, t] : [t, line.fixed])), attr: runAttr });
    }
    out.push(...this.paths);
    return out.map((w, i) => ({
      key: `w-${String(i + 1).padStart(4, '0')}`,
      name: w.attr.name,
      highway: w.attr.highway,
      line: lineFromLocal(w.pts),
    }));
  }
}
