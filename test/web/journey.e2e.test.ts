import type { BrowserContext, Page } from 'playwright-core';
import { AGENCY, OTHER_AGENCY } from '../commands/http/apiHarness';
import { devSignIn, phoneContext, screenshot, seriousViolations } from './browser';
import { fileAnonymousConfidentialByKeyboard, trackWithCode } from './citizenSteps';
import { portalAndBrowserForFile } from './portalServer';

const { server, browser } = portalAndBrowserForFile();

/**
 * The whole life of one anonymous, confidential complaint in the browser(), on a phone, in each
 * language: filed by keyboard; the admin disposes it to agency A; A declines; the admin
 * disposes it again to B; B accepts, follows up and resolves; the reporter rates it with the
 * access code; the public never sees its text; the Ombudsman sees the whole history with an
 * intact-chain badge.
 */


/** Every page of the journey: axe finds nothing serious, and a screenshot is kept. */
async function check(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

async function signedIn(language: 'id' | 'en', role: string, sub: string, agencyId?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser(), language);
  const page = await context.newPage();
  if (language === 'en') await page.goto(`${server().url}/language/en?return=/`);
  await devSignIn(page, server().url, { role, sub, ...(agencyId === undefined ? {} : { agencyId }) });
  return { context, page };
}

/** Reloads a console page until the read model lists the complaint by its tracking id (projections follow the ledger), checks that page, then opens the case page. */
async function openCase(page: Page, consolePath: string, trackingId: string, shot: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto(`${server().url}${consolePath}`);
    const link = page.getByRole('link', { name: trackingId, exact: true });
    if ((await link.count()) > 0) {
      await check(page, shot);
      await Promise.all([page.waitForNavigation(), link.click()]);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${consolePath} never listed ${trackingId}`);
    await page.waitForTimeout(300);
  }
}

/** Fills an action form's fields (`#<action>-<field>`) and posts it. */
async function act(page: Page, action: string, fields: Readonly<Record<string, string>> = {}): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const control = page.locator(`#${action}-${name}`);
    if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  await Promise.all([page.waitForNavigation(), page.click(`#${action}-submit`)]);
  expect(await page.locator('.error').count()).toBe(0);
}

describe.each(['id', 'en'] as const)('in %s on a phone', (language) => {
  test('file by keyboard, dispose, decline, dispose again, follow up, resolve, rate; the public never sees the text; the Ombudsman sees the history with an intact chain', async () => {
    const canary = `KANARI-JOURNEY-${language}-${Date.now()}`;
    const title = `Pungli surat pindah ${language} ${Date.now() % 100_000}`;
    const shot = (name: string) => `journey-${language}-${name}`;

    const citizen = await phoneContext(browser(), language);
    const citizenPage = await citizen.newPage();
    if (language === 'en') await citizenPage.goto(`${server().url}/language/en?return=/`);
    const receipt = await fileAnonymousConfidentialByKeyboard(citizenPage, server().url, language, title, `Petugas meminta uang pelicin ${canary}.`, shot('citizen'));

    const admin = await signedIn(language, 'admin', 'admin-journey');
    await openCase(admin.page, '/admin', receipt.trackingId, shot('admin-queue'));
    const complaintId = new URL(admin.page.url()).pathname.split('/').pop()!;
    await check(admin.page, shot('admin-case'));
    await act(admin.page, 'dispose', { agencyId: AGENCY });

    const agencyA = await signedIn(language, 'agency_officer', 'officer-a', AGENCY);
    await openCase(agencyA.page, '/agency', receipt.trackingId, shot('agency-a-queue'));
    await check(agencyA.page, shot('agency-a-case'));
    await act(agencyA.page, 'decline', { reason: 'Bukan kewenangan pemerintah kota; urusan kementerian.' });

    await openCase(admin.page, '/admin', receipt.trackingId, shot('admin-queue-returned'));
    await act(admin.page, 'dispose', { agencyId: OTHER_AGENCY });

    const agencyB = await signedIn(language, 'agency_officer', 'officer-b', OTHER_AGENCY);
    await openCase(agencyB.page, '/agency', receipt.trackingId, shot('agency-b-queue'));
    await act(agencyB.page, 'accept', { resolutionClass: 'medium' });
    await act(agencyB.page, 'follow-ups', { visibility: 'public', text: 'Petugas sudah diperiksa inspektorat.' });
    await act(agencyB.page, 'resolve', { summary: 'Petugas dikenai sanksi; biaya dikembalikan.' });
    await check(agencyB.page, shot('agency-b-resolved'));

    await trackWithCode(citizenPage, server().url, receipt);
    await citizenPage.check('#rate-score-5');
    await Promise.all([citizenPage.waitForNavigation(), citizenPage.click('#rate-submit')]);
    expect(await citizenPage.locator('.error').count()).toBe(0);
    await check(citizenPage, shot('reporter-rated'));

    const visitor = await phoneContext(browser(), language);
    const publicPage = await visitor.newPage();
    for (const path of [`/complaints/${receipt.trackingId}`, `/complaints?q=${encodeURIComponent(title)}`, '/stats']) {
      await publicPage.goto(`${server().url}${path}`);
      expect(await publicPage.content()).not.toContain(canary);
    }

    const ombudsman = await signedIn(language, 'ombudsman', 'ombudsman-journey');
    await ombudsman.page.goto(`${server().url}/ombudsman/complaints/${complaintId}`);
    expect(await ombudsman.page.getByTestId('integrity').textContent()).toBe(language === 'id' ? '✓ Rantai hash utuh' : '✓ Hash chain intact');
    const history = (await ombudsman.page.getByTestId('history').textContent())!;
    for (const event of ['ComplaintSubmitted', 'ComplaintDisposed', 'AssignmentDeclined', 'AssignmentAccepted', 'FollowUpPosted', 'ComplaintResolved', 'OutcomeRated']) expect(history).toContain(event);
    expect(await ombudsman.page.textContent('main')).toContain(canary);
    await check(ombudsman.page, shot('ombudsman-case'));
    // The remaining pages of the portal, for axe: the other watch lists and the not-found page.
    for (const path of ['/ombudsman/bouncing', '/ombudsman/unowned', '/no-such-page']) {
      await ombudsman.page.goto(`${server().url}${path}`);
      await check(ombudsman.page, shot(`page${path.replaceAll('/', '-')}`));
    }

    for (const context of [citizen, admin.context, agencyA.context, agencyB.context, visitor, ombudsman.context]) await context.close();
    // The whole journey (six browser contexts, about forty pages, each checked by axe) takes
    // about a minute on a quiet 2-core machine: the default minute is too tight under CI load.
  }, 180_000);
});
