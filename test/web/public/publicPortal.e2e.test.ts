import { AccessCode } from '../../../domain/accessCode';
import { TrackingId } from '../../../domain/trackingId';
import { phoneContext, screenshot, seriousViolations, transferredBytes } from '../browser';
import { fileAnonymousConfidentialByKeyboard, trackWithCode } from '../citizenSteps';
import { portalAndBrowserForFile } from '../portalServer';

const { server, browser } = portalAndBrowserForFile();

const CANARY = 'KANARI-E2E-7731';
const PUBLIC_PAGES = ['/', '/submit', '/track', '/complaints', '/stats', '/staff/sign-in'];

describe.each(['id', 'en'] as const)('public pages in %s on a phone', (language) => {
  test.each(PUBLIC_PAGES)('%s has no serious or critical accessibility violation, weighs under 200 KB, and is saved as a screenshot', async (path) => {
    const context = await phoneContext(browser(), language);
    const page = await context.newPage();
    if (language === 'en') await page.goto(`${server().url}/language/en?return=/`);
    const bytes = await transferredBytes(page, () => page.goto(`${server().url}${path}`, { waitUntil: 'load' }));
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await seriousViolations(page)).toEqual([]);
    expect(bytes).toBeLessThan(200 * 1024);
    console.log(`page weight ${language} ${path}: ${bytes} bytes`);
    await screenshot(page, `public-${language}${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
    await context.close();
  });
});

test('a citizen files an anonymous confidential complaint with the keyboard only and follows it by tracking id; the public sees its status only', async () => {
  const context = await phoneContext(browser(), 'id');
  const page = await context.newPage();
  const receipt = await fileAnonymousConfidentialByKeyboard(page, server().url, 'id', 'Pungutan liar di kantor kelurahan', `Petugas meminta uang pelicin ${CANARY} untuk surat pindah.`, 'public');
  expect(TrackingId.safeParse(receipt.trackingId).success).toBe(true);
  expect(AccessCode.safeParse(receipt.accessCode).success).toBe(true);

  // The public: the status only, never the text.
  const visitor = await phoneContext(browser(), 'id');
  const publicPage = await visitor.newPage();
  await publicPage.goto(`${server().url}/complaints/${receipt.trackingId}`);
  expect(await publicPage.textContent('main')).not.toContain(CANARY);
  expect(await publicPage.getByTestId('status').textContent()).toBe('Menunggu verifikasi');
  await visitor.close();

  await trackWithCode(page, server().url, receipt);
  expect(new URL(page.url()).pathname).toBe(`/my/${encodeURIComponent(receipt.trackingId)}`);
  await context.close();
});
