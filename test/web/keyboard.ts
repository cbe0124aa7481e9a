import type { Page } from 'playwright-core';

/** Presses Tab until the control with this id has focus: the way a keyboard user reaches it. */
export async function tabTo(page: Page, id: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate('document.activeElement ? document.activeElement.id : ""')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with ${maxPresses} Tab presses`);
}

/** Types into the field reached by keyboard. */
export async function tabAndType(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/**
 * Chooses a select option by keyboard: typeahead to the label's first word, then arrow keys
 * until the label is the selected one (typeahead alone stops at the first match of a prefix).
 */
export async function tabAndSelect(page: Page, id: string, optionLabel: string, maxPresses = 600): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(optionLabel.split(' ')[0]!);
  const selected = `(() => { const s = document.getElementById(${JSON.stringify(id)}); return s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''; })()`;
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(selected)) === optionLabel) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`#${id}: no option "${optionLabel}" reached by keyboard`);
}

/**
 * The order the browser's date inputs take their segments in: that of its interface locale,
 * not of the page's. Found by typing 01 02 2026 into a scratch input of the same browser.
 */
async function dateSegmentOrder(page: Page): Promise<readonly ('day' | 'month' | 'year')[]> {
  const probe = await page.context().newPage();
  await probe.setContent('<input type="date" id="probe">');
  await tabTo(probe, 'probe');
  await probe.keyboard.type('01022026');
  const value = await probe.evaluate("document.getElementById('probe').value");
  await probe.close();
  if (value === '2026-01-02') return ['month', 'day', 'year'];
  if (value === '2026-02-01') return ['day', 'month', 'year'];
  throw new Error(`date input segment order not recognised (01 02 2026 became "${String(value)}")`);
}

/** Types a date into a date input, segment by segment, as a keyboard user would. */
export async function tabAndTypeDate(page: Page, id: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const segments = { year, month, day };
  const order = await dateSegmentOrder(page);
  await tabTo(page, id);
  for (const part of order) await page.keyboard.type(segments[part]);
  const value = await page.evaluate(`document.getElementById(${JSON.stringify(id)}).value`);
  if (value !== isoDate) throw new Error(`#${id}: typed ${isoDate} as ${order.join('/')}, the input holds "${String(value)}"`);
}
