/** Layout checks for phone pages: what a person would notice first when a page does not fit. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The page never scrolls sideways: the document is no wider than the viewport (WCAG 1.4.10 reflow). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `document is ${scroll}px wide in a ${inner}px viewport`).toBeLessThanOrEqual(inner);
}

/** The element is shown and lies wholly inside the viewport horizontally (nothing cut off at the sides). */
export async function expectInsideViewportWidth(page: Page, el: Locator, what: string): Promise<DOMRectLike> {
  const box = await el.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, `${what} is not shown`).not.toBeNull();
  const b = box as DOMRectLike;
  expect(b.x, `${what} starts left of the viewport`).toBeGreaterThanOrEqual(-0.5);
  expect(b.x + b.width, `${what} ends right of the viewport (${b.x + b.width} > ${width})`).toBeLessThanOrEqual(
    width + 0.5,
  );
  return b;
}

/** A touch target a finger can hit: at least `min` CSS pixels in both directions (44 by default). */
export async function expectTouchTarget(el: Locator, what: string, min = 44): Promise<void> {
  const box = await el.boundingBox();
  expect(box, `${what} is not shown`).not.toBeNull();
  expect(box?.height ?? 0, `${what} is ${box?.height}px high`).toBeGreaterThanOrEqual(min);
}

/** The part of a bounding box the checks read. */
export interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}
