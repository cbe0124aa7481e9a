import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext, screenshot, seriousViolations, transferredBytes } from '../browser';
import { tabAndSelect, tabAndType, tabAndTypeDate, tabTo } from '../keyboard';
import { startPortalServer, type PortalServer } from '../portalServer';

let server: PortalServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const CANARY = 'KANARI-E2E-7731';
const PUBLIC_PAGES = ['/', '/submit', '/track', '/complaints', '/stats', '/staff/sign-in'];

/** Presses a key that submits a form and waits for the page it leads to. */
async function submitWith(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

describe.each(['id', 'en'] as const)('public pages in %s on a phone', (language) => {
  test.each(PUBLIC_PAGES)('%s has no serious or critical accessibility violation, weighs under 200 KB, and is saved as a screenshot', async (path) => {
    const context = await phoneContext(browser, language);
    const page = await context.newPage();
    if (language === 'en') await page.goto(`${server.url}/language/en?return=/`);
    const bytes = await transferredBytes(page, () => page.goto(`${server.url}${path}`, { waitUntil: 'load' }));
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await seriousViolations(page)).toEqual([]);
    expect(bytes).toBeLessThan(200 * 1024);
    console.log(`page weight ${language} ${path}: ${bytes} bytes`);
    await screenshot(page, `public-${language}${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
    await context.close();
  });
});

test('a citizen files an anonymous confidential complaint with the keyboard only and follows it by tracking id; the public sees its status only', async () => {
  const context = await phoneContext(browser, 'id');
  const page = await context.newPage();
  await page.goto(`${server.url}/submit`);
  await tabAndType(page, 'title', 'Pungutan liar di kantor kelurahan');
  await tabAndType(page, 'chronology', `Petugas meminta uang pelicin ${CANARY} untuk surat pindah.`);
  await tabAndTypeDate(page, 'incidentDate', '2026-11-20');
  await tabAndSelect(page, 'regionCode', 'Kota Bandung');
  await tabAndSelect(page, 'category', 'Administrasi Kependudukan (KTP-el, KK, Akta)');
  await tabTo(page, 'anonymous');
  await page.keyboard.press('Space');
  await tabTo(page, 'confidential');
  await page.keyboard.press('Space');
  await screenshot(page, 'submit-filled');
  await tabTo(page, 'review');
  await submitWith(page, 'Enter');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'submit-review');
  await tabTo(page, 'confirm');
  await submitWith(page, 'Enter');
  await screenshot(page, 'submit-receipt');
  const trackingId = (await page.getByTestId('tracking-id').textContent())!.trim();
  const accessCode = (await page.getByTestId('access-code').textContent())!.trim();
  expect(trackingId).toMatch(/^[0-9A-Z]{10,}$/);
  expect(accessCode).toMatch(/^[0-9A-Z]{8,}$/);
  expect(await seriousViolations(page)).toEqual([]);

  // The public: the status only, never the text.
  const visitor = await phoneContext(browser, 'id');
  const publicPage = await visitor.newPage();
  await publicPage.goto(`${server.url}/complaints/${trackingId}`);
  expect(await publicPage.textContent('main')).not.toContain(CANARY);
  expect(await publicPage.getByTestId('status').textContent()).toBe('Menunggu verifikasi');
  await visitor.close();

  // The reporter, with the code, by keyboard: their own page.
  await page.goto(`${server.url}/track`);
  await tabAndType(page, 'trackingId', trackingId);
  await tabAndType(page, 'accessCode', accessCode);
  await tabTo(page, 'show');
  await submitWith(page, 'Enter');
  expect(new URL(page.url()).pathname).toBe(`/my/${trackingId}`);
  await context.close();
});
