import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run), never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
}

/** A phone-sized viewport (a common low-end Android screen), in the given language. */
export function phoneContext(browser: Browser, language: 'id' | 'en' = 'id'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: language === 'id' ? 'id-ID' : 'en-GB' });
}

export function desktopContext(browser: Browser, language: 'id' | 'en' = 'id'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: language === 'id' ? 'id-ID' : 'en-GB' });
}

/** Serious and critical axe violations on the page as it is now (WCAG 2.1 AA rules), as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A full-page PNG under test-output/screenshots (ignored by git), for a reviewer to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Bytes transferred for everything the page loaded (headers and bodies as sent). */
export async function transferredBytes(page: Page, load: () => Promise<unknown>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    sizes.push(
      response
        .request()
        .sizes()
        .then((s) => s.responseBodySize + s.responseHeadersSize)
        .catch(() => 0),
    );
  };
  page.on('response', onResponse);
  await load();
  page.off('response', onResponse);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

/** Signs the page in through the portal's development login (role, and `agencyId`/`sub` when given). */
export async function devSignIn(page: Page, baseUrl: string, fields: { readonly role: string; readonly agencyId?: string; readonly sub?: string }): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await page.selectOption('#role', fields.role);
  if (fields.agencyId !== undefined) await page.fill('#agencyId', fields.agencyId);
  if (fields.sub !== undefined) await page.fill('#sub', fields.sub);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/staff/dev-sign-in"] button[type=submit]')]);
}
