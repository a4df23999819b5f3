/** Shared browser helpers for the e2e tests (Debian chromium through playwright-core). */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The flags that make Debian's chromium run headless here: no sandbox as root, no GPU, no network of its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch chromium (playwright gives every launch a fresh temporary profile directory). */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Phone and desk viewports used by the tests. */
export const PHONE = { width: 375, height: 812 } as const;
export const DESK = { width: 1440, height: 900 } as const;

/** A fresh context (own cookies and storage) at `baseUrl`. */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = DESK,
  /** A fixed phone position (WGS-84), granted to the page's geolocation. */
  geolocation?: { latitude: number; longitude: number },
): Promise<BrowserContext> {
  const mobile = viewport.width < 600;
  return browser.newContext({
    ...(geolocation ? { geolocation: { ...geolocation, accuracy: 10 }, permissions: ['geolocation'] } : {}),
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'zh-CN',
  });
}

/** Log in through the login page and wait until the app has routed away from it. */
export async function login(page: Page, username: string, password = 'linli-demo'): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
}

/** Save a screenshot to e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage });
}
