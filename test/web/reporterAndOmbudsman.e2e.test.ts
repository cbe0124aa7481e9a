import type { BrowserContext, Page } from 'playwright-core';
import { devSignIn, phoneContext, screenshot, seriousViolations } from './browser';
import { fileThrough, RESOLVED, type Filed } from './complaintSteps';
import { eventually, portalAndBrowserForFile } from './portalServer';

const { server, browser } = portalAndBrowserForFile();

/** The reporter's pages and the Ombudsman's in a real browser on a phone: accessibility, both languages, screenshots. */

let filed: Filed;

beforeAll(async () => {
  filed = await fileThrough(server(), RESOLVED, { anonymous: true }, 'reporter-dewi');
  // The pages read the projections: wait until the reporter's and the Ombudsman's have the complaint.
  const ombudsman = await server().token({ sub: 'ombudsman-1', role: 'ombudsman' });
  await eventually(
    () => server().api('GET', `/api/oversight/complaints/${filed.id}`, { token: ombudsman }),
    (answer) => answer.status === 200 && (answer.body as { status: string }).status === 'resolved',
  );
}, 120_000);

async function openIn(language: 'id' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser(), language);
  const page = await context.newPage();
  if (language === 'en') await page.goto(`${server().url}/language/en?return=/`);
  return { context, page };
}

/** Every page: no serious or critical axe violation, no sideways scrolling of the whole page on the phone, and a screenshot for the reviewer. */
async function check(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(page.viewportSize()!.width);
  await screenshot(page, name);
}

describe.each(['id', 'en'] as const)('in %s on a phone', (language) => {
  test('the code holder page with its forms, and the reporter list', async () => {
    const { context, page } = await openIn(language);
    await page.goto(`${server().url}/track`);
    await page.fill('#trackingId', filed.trackingId);
    await page.fill('#accessCode', filed.accessCode);
    await Promise.all([page.waitForNavigation(), page.click('#show')]);
    expect(new URL(page.url()).pathname).toBe(`/my/${encodeURIComponent(filed.trackingId)}`);
    expect(await page.locator('form[action$="/rate"] input[type=radio]').count()).toBe(5);
    await check(page, `reporter-${language}-complaint`);
    await context.close();

    const signedIn = await openIn(language);
    await devSignIn(signedIn.page, server().url, { role: 'reporter', sub: 'reporter-dewi' });
    expect(new URL(signedIn.page.url()).pathname).toBe('/my');
    expect(await signedIn.page.getByTestId('own-complaints').textContent()).toContain(filed.trackingId);
    await check(signedIn.page, `reporter-${language}-list`);
    await signedIn.context.close();
  });

  test('the Ombudsman dashboard, a watch list page and the case page with an intact-chain badge', async () => {
    const { context, page } = await openIn(language);
    await devSignIn(page, server().url, { role: 'ombudsman', sub: 'ombudsman-1' });
    expect(new URL(page.url()).pathname).toBe('/ombudsman');
    await check(page, `ombudsman-${language}-dashboard`);
    await page.goto(`${server().url}/ombudsman/breaches`);
    await check(page, `ombudsman-${language}-breaches`);
    await page.goto(`${server().url}/ombudsman/complaints/${filed.id}`);
    expect(await page.getByTestId('integrity').textContent()).toBe(language === 'id' ? '✓ Rantai hash utuh' : '✓ Hash chain intact');
    await check(page, `ombudsman-${language}-case`);
    await context.close();
  });
});
