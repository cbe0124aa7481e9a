import type { Page } from 'playwright-core';
import { categoryNames } from '../../domain/routing';
import { screenshot, seriousViolations } from './browser';
import { tabAndSelect, tabAndType, tabAndTypeDate, tabTo } from './keyboard';

/** Presses a key that submits a form and waits for the page it leads to. */
export async function submitWith(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

export interface Receipt {
  readonly trackingId: string;
  readonly accessCode: string;
}

/**
 * A citizen files an anonymous, confidential complaint with the keyboard only (Tab, typing,
 * arrows, Space, Enter), through the review step to the receipt; every page checked by axe.
 */
export async function fileAnonymousConfidentialByKeyboard(page: Page, baseUrl: string, language: 'id' | 'en', title: string, chronology: string, shots: string): Promise<Receipt> {
  await page.goto(`${baseUrl}/submit`);
  await tabAndType(page, 'title', title);
  await tabAndType(page, 'chronology', chronology);
  await tabAndTypeDate(page, 'incidentDate', '2026-11-20');
  await tabAndSelect(page, 'regionCode', 'Kota Bandung');
  await tabAndSelect(page, 'category', categoryNames.kependudukan[language]);
  await tabTo(page, 'anonymous');
  await page.keyboard.press('Space');
  await tabTo(page, 'confidential');
  await page.keyboard.press('Space');
  await screenshot(page, `${shots}-submit-filled`);
  await tabTo(page, 'review');
  await submitWith(page, 'Enter');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${shots}-submit-review`);
  await tabTo(page, 'confirm');
  await submitWith(page, 'Enter');
  await screenshot(page, `${shots}-submit-receipt`);
  expect(await seriousViolations(page)).toEqual([]);
  const trackingId = (await page.getByTestId('tracking-id').textContent())!.trim();
  const accessCode = (await page.getByTestId('access-code').textContent())!.trim();
  return { trackingId, accessCode };
}

/** The code holder opens their own page from the tracking form, by keyboard. */
export async function trackWithCode(page: Page, baseUrl: string, receipt: Receipt): Promise<void> {
  await page.goto(`${baseUrl}/track`);
  await tabAndType(page, 'trackingId', receipt.trackingId);
  await tabAndType(page, 'accessCode', receipt.accessCode);
  await tabTo(page, 'show');
  await submitWith(page, 'Enter');
}
