import type { Page } from 'playwright-core';

/** Anything that opens pages: a Browser, or pages kept on the server's clock (browser.ts). */
interface PageOpener {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
}

/** Drives the staff console as a librarian would (web/staff; test ids listed there). */
export const openStaffConsole = async (browser: PageOpener, baseUrl: string, password: string, branch: string, staffId = 'admin'): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseUrl}/staff/`);
  await page.getByTestId('login-staff-id').fill(staffId);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const setup = page.getByTestId('branch-setup-select');
  await setup.or(page.getByTestId('counter-branch')).first().waitFor();
  if (await setup.isVisible()) {
    await setup.selectOption(branch);
    await page.getByTestId('branch-setup-submit').click();
  } else {
    await page.getByTestId('counter-branch').selectOption(branch);
  }
  await page.getByTestId('checkin-scan').waitFor();
  return page;
};

export const setCounterBranch = async (page: Page, branch: string): Promise<void> => {
  await page.getByTestId('counter-branch').selectOption(branch);
};

const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Scans a copy in the check-in box and returns the destination banner once it answers. */
export const scanIn = async (page: Page, itemId: string): Promise<{ action: string | null; text: string }> => {
  const rows = page.locator('[data-testid="scan-log-row"][data-kind="checkin"]');
  const before = await rows.count();
  await page.getByTestId('checkin-scan').fill(itemId);
  await page.getByTestId('checkin-scan').press('Enter');
  await until(async () => ((await rows.count()) > before || before >= 30) && (await rows.first().getAttribute('data-status')) !== 'pending', 'the scan to be answered');
  const banner = page.getByTestId('checkin-destination');
  return { action: await banner.getAttribute('data-action'), text: (await banner.textContent()) ?? '' };
};

/** Lends a copy at the counter; returns the result's status and code. */
export const checkOut = async (page: Page, cardNumber: string, itemId: string) => {
  const result = page.getByTestId('checkout-result');
  await page.getByTestId('checkout-card').fill(cardNumber);
  await page.getByTestId('checkout-card').press('Enter');
  await page.getByTestId('checkout-item').fill(itemId);
  await page.getByTestId('checkout-item').press('Enter');
  await until(async () => (await result.getAttribute('data-status')) !== 'none', 'the checkout result');
  return { status: await result.getAttribute('data-status'), code: await result.getAttribute('data-code'), text: (await result.textContent()) ?? '' };
};
