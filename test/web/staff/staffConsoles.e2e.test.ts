import type { Page } from 'playwright-core';
import { AGENCY } from '../../commands/http/apiHarness';
import { desktopContext, devSignIn, phoneContext, screenshot, seriousViolations } from '../browser';
import { fileThrough, type Filed } from '../complaintSteps';
import { eventually, portalAndBrowserForFile } from '../portalServer';

const { server, browser } = portalAndBrowserForFile();

/** The admin's and an agency officer's consoles in a real browser: one journey each, axe on every page, screenshots. */

let filed: Filed;
let unowned: Filed;

beforeAll(async () => {
  [filed, unowned] = await Promise.all([fileThrough(server(), []), fileThrough(server(), [])]);
  const admin = await server().token({ sub: 'admin-1', role: 'admin' });
  await eventually(
    () => server().api('GET', `/api/oversight/complaints/${filed.id}`, { token: admin }),
    (answer) => answer.status === 200,
  );
  await eventually(
    () => server().api('GET', `/api/oversight/complaints/${unowned.id}`, { token: admin }),
    (answer) => answer.status === 200,
  );
}, 120_000);

async function check(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

async function submit(page: Page, action: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(`#${action}-submit`)]);
}

test('the admin finds the complaint in the queue, is told a missing reason by its field, and routes it to the proposed agency', async () => {
  const context = await desktopContext(browser());
  const page = await context.newPage();
  await devSignIn(page, server().url, { role: 'admin' });
  expect(new URL(page.url()).pathname).toBe('/admin');
  await check(page, 'admin-queue');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="/admin/complaints/${filed.id}"]`)]);
  await check(page, 'admin-case');
  await submit(page, 'hold');
  expect(await page.locator('#hold-reason-error').isVisible()).toBe(true);
  await check(page, 'admin-case-error');
  expect(await page.inputValue('#dispose-agencyId')).toBe(`${AGENCY}/dinas-pupr`);
  await page.fill('#dispose-agencyId', AGENCY);
  await submit(page, 'dispose');
  expect(await page.locator('p.notice[role=status]').isVisible()).toBe(true);
  await context.close();
});

test('the officer opens the routed complaint from the queue, accepts it and posts a follow-up', async () => {
  const context = await desktopContext(browser());
  const page = await context.newPage();
  await devSignIn(page, server().url, { role: 'agency_officer', agencyId: AGENCY });
  await eventually(
    async () => (await page.goto(`${server().url}/agency`), await page.locator(`a[href="/agency/complaints/${filed.id}"]`).count()),
    (count) => count === 1,
  );
  await check(page, 'agency-queue');
  await Promise.all([page.waitForNavigation(), page.click(`a[href="/agency/complaints/${filed.id}"]`)]);
  await check(page, 'agency-case');
  await page.selectOption('#accept-resolutionClass', 'short');
  await submit(page, 'accept');
  expect(await page.locator('p.notice[role=status]').isVisible()).toBe(true);
  await page.selectOption('#follow-ups-visibility', 'public');
  await page.fill('#follow-ups-text', 'Tim sudah meninjau lokasi.');
  await submit(page, 'follow-ups');
  await eventually(
    async () => (await page.reload(), await page.locator('main').textContent()),
    (text) => text?.includes('Tim sudah meninjau lokasi.') === true,
  );
  await check(page, 'agency-case-followed-up');
  await context.close();
});

test('both consoles in English on a phone: no serious axe violation, no sideways scrolling of the page', async () => {
  for (const [role, agencyId, paths] of [
    ['admin', '', ['/admin', `/admin/complaints/${unowned.id}`]],
    ['agency_officer', AGENCY, ['/agency', `/agency/complaints/${filed.id}`]],
  ] as const) {
    const context = await phoneContext(browser(), 'en');
    const page = await context.newPage();
    await page.goto(`${server().url}/language/en?return=/`);
    await devSignIn(page, server().url, { role, agencyId });
    for (const path of paths) {
      await page.goto(`${server().url}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(page.viewportSize()!.width);
      await check(page, `${role}-en-phone${path.includes('complaints') ? '-case' : ''}`);
    }
    await context.close();
  }
});
