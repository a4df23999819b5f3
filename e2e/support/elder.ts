/**
 * The 长辈版 numbers of docs/domain.md §7, measured in the browser from computed styles and boxes: main text ≥ 18 px,
 * line height ≥ 1.3 ×, paragraph spacing ≥ 1.3 × line height, contrast ≥ 4.5 : 1 against the effective
 * background (WCAG formula), main touch targets ≥ 60 × 60 px. Shared by every resident-page test.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What one page measured. `marginPx` is −1 where no paragraph spacing applies. */
export interface ElderMeasure {
  text: { sel: string; fontPx: number; lineRatio: number; contrast: number; marginPx: number; linePx: number }[];
  targets: { label: string; w: number; h: number }[];
}

/** Measures the visible elements matching `textSelector` (text) and `targetSelector` (touch targets). */
export async function measureElder(page: Page, textSelector: string, targetSelector: string): Promise<ElderMeasure> {
  return page.evaluate(
    ([textSel, targetSel]) => {
      const parse = (c: string): number[] => {
        const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
        return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if ((c[3] ?? 1) > 0.99) return c;
        }
        return [255, 255, 255, 1];
      };
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
      const text = [...document.querySelectorAll(textSel!)]
        .filter((el) => visible(el) && (el.textContent?.trim() || el.matches('input, select, textarea')))
        .map((el) => {
          const cs = getComputedStyle(el);
          const fontPx = parseFloat(cs.fontSize);
          const linePx = cs.lineHeight === 'normal' ? fontPx * 1.2 : parseFloat(cs.lineHeight);
          const a = lum(parse(cs.color));
          const b = lum(background(el));
          return {
            sel: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${el.textContent?.trim().slice(0, 12)}`,
            fontPx,
            lineRatio: linePx / fontPx,
            contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
            marginPx: el.classList.contains('para') && el.nextElementSibling ? parseFloat(cs.marginBottom) : -1,
            linePx,
          };
        });
      const targets = [...document.querySelectorAll(targetSel!)].filter(visible).map((el) => {
        const r = el.getBoundingClientRect();
        return { label: `${el.tagName} ${el.textContent?.trim().slice(0, 16) ?? ''}`, w: r.width, h: r.height };
      });
      return { text, targets };
    },
    [textSelector, targetSelector],
  );
}

/** Asserts the §7 numbers on a measurement (soft, so one run lists every offender). */
export function expectElderNumbers(m: ElderMeasure, min: { texts: number; targets: number }): void {
  expect(m.text.length).toBeGreaterThanOrEqual(min.texts);
  for (const x of m.text) {
    expect.soft(x.fontPx, x.sel).toBeGreaterThanOrEqual(18);
    expect.soft(x.lineRatio, x.sel).toBeGreaterThanOrEqual(1.3);
    expect.soft(x.contrast, x.sel).toBeGreaterThanOrEqual(4.5);
    if (x.marginPx >= 0) expect.soft(x.marginPx, `paragraph spacing ${x.sel}`).toBeGreaterThanOrEqual(1.3 * x.linePx);
  }
  expect(m.targets.length).toBeGreaterThanOrEqual(min.targets);
  for (const b of m.targets) {
    expect.soft(b.w, `width of ${b.label}`).toBeGreaterThanOrEqual(60);
    expect.soft(b.h, `height of ${b.label}`).toBeGreaterThanOrEqual(60);
  }
}

/**
 * Turns elder mode on from the page's switch unless it is on already: the mode belongs to the person, so an
 * earlier test that turned it on for the same demo account left it on.
 */
export async function turnElderOn(page: import('playwright-core').Page): Promise<void> {
  const on = () => page.evaluate(() => document.documentElement.classList.contains('elder'));
  if (!(await on())) await page.getByTestId('elder-toggle').first().click();
  await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
}
