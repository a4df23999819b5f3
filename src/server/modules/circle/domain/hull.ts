/**
 * Polygon around a set of line pieces by rasterising them with a buffer onto a grid, filling holes
 * and tracing the boundary. Simple, robust and fast (O(cells)); edges are axis-aligned steps of one
 * cell, which at 10–30 m cells reads as a smooth outline on a city map.
 */
export interface RasterHullOptions {
  /** Cell size in metres. */
  readonly cell: number;
  /** Buffer radius around the lines in cells. */
  readonly buffer: number;
}

/**
 * Compute the hull of polylines given in local metric x/y (each an interleaved `[x0,y0,x1,y1,…]`).
 * Returns rings (closed, counter-clockwise, interleaved x/y); one ring per connected patch.
 */
export function rasterHull(lines: readonly Float64Array[], opt: RasterHullOptions): Float64Array[] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const l of lines)
    for (let i = 0; i < l.length; i += 2) {
      minX = Math.min(minX, l[i]!);
      maxX = Math.max(maxX, l[i]!);
      minY = Math.min(minY, l[i + 1]!);
      maxY = Math.max(maxY, l[i + 1]!);
    }
  if (minX === Infinity) return [];
  const c = opt.cell,
    b = opt.buffer,
    pad = b + 2;
  const x0 = minX - pad * c,
    y0 = minY - pad * c;
  const W = Math.ceil((maxX - x0) / c) + pad + 1,
    H = Math.ceil((maxY - y0) / c) + pad + 1;
  const core = new Uint8Array(W * H);
  for (const l of lines)
    for (let i = 0; i + 3 < l.length; i += 2) {
      const ax = l[i]!,
        ay = l[i + 1]!,
        dx = l[i + 2]! - ax,
        dy = l[i + 3]! - ay;
      const steps = Math.max(1, Math.ceil((2 * Math.hypot(dx, dy)) / c));
      for (let s = 0; s <= steps; s++) {
        const gx = Math.floor((ax + (dx * s) / steps - x0) / c),
          gy = Math.floor((ay + (dy * s) / steps - y0) / c);
        core[gy * W + gx] = 1;
      }
    }
  const grid = new Uint8Array(W * H);
  const r2 = b * b + b; // round-ish disc
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (core[y * W + x] === 0) continue;
      for (let dy = -b; dy <= b; dy++)
        for (let dx = -b; dx <= b; dx++) if (dx * dx + dy * dy <= r2) grid[(y + dy) * W + x + dx] = 1;
    }
  // Fill holes: flood the outside from the border; every empty cell not reached becomes filled.
  const outside = new Uint8Array(W * H),
    stack: number[] = [0];
  outside[0] = 1;
  while (stack.length > 0) {
    const p = stack.pop()!,
      x = p % W,
      y = (p - x) / W;
    const nb = [x > 0 ? p - 1 : -1, x < W - 1 ? p + 1 : -1, y > 0 ? p - W : -1, y < H - 1 ? p + W : -1];
    for (const q of nb)
      if (q >= 0 && grid[q] === 0 && outside[q] === 0) {
        outside[q] = 1;
        stack.push(q);
      }
  }
  for (let p = 0; p < W * H; p++) if (outside[p] === 0) grid[p] = 1;
  // Remove diagonal-only contacts (saddles) so every boundary vertex has one way out.
  for (let changed = true; changed; ) {
    changed = false;
    for (let y = 0; y < H - 1; y++)
      for (let x = 0; x < W - 1; x++) {
        const a = grid[y * W + x]!,
          bb = grid[y * W + x + 1]!,
          cc = grid[(y + 1) * W + x]!,
          d = grid[(y + 1) * W + x + 1]!;
        if (a === d && bb === cc && a !== bb) {
          grid[a === 0 ? y * W + x : y * W + x + 1] = 1;
          changed = true;
        }
      }
  }
  return traceRings(grid, W, H).map((ring) => {
    const out = new Float64Array(ring.length);
    for (let i = 0; i < ring.length; i += 2) {
      out[i] = x0 + ring[i]! * c;
      out[i + 1] = y0 + ring[i + 1]! * c;
    }
    return out;
  });
}

/** Trace boundaries of filled cells as counter-clockwise rings of grid-corner coordinates. */
function traceRings(grid: Uint8Array, W: number, H: number): number[][] {
  const V = W + 1;
  const next = new Int32Array(V * (H + 1)).fill(-1);
  const filled = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < W && y < H && grid[y * W + x] === 1;
  // Directed boundary edges with the filled cell on the left (counter-clockwise in y-up coordinates).
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (!filled(x, y)) continue;
      if (!filled(x, y - 1)) next[y * V + x] = y * V + x + 1;
      if (!filled(x + 1, y)) next[y * V + x + 1] = (y + 1) * V + x + 1;
      if (!filled(x, y + 1)) next[(y + 1) * V + x + 1] = (y + 1) * V + x;
      if (!filled(x - 1, y)) next[(y + 1) * V + x] = y * V + x;
    }
  const rings: number[][] = [];
  for (let s = 0; s < next.length; s++) {
    if (next[s] === -1) continue;
    const ring: number[] = [];
    let v = s,
      pdx = 0,
      pdy = 0;
    while (next[v] !== -1) {
      const n = next[v]!;
      next[v] = -1;
      const vx = v % V,
        vy = (v - vx) / V,
        nx = n % V,
        ny = (n - nx) / V;
      const dx = nx - vx,
        dy = ny - vy;
      if (dx !== pdx || dy !== pdy) ring.push(vx, vy); // keep corners only
      pdx = dx;
      pdy = dy;
      v = n;
    }
    ring.push(ring[0]!, ring[1]!);
    rings.push(ring);
  }
  return rings;
}
