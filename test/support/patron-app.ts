import type { Page } from 'playwright-core';

/** Drives the patron app (web/patron; test ids listed there) as a patron would. */
export const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

export const logIn = async (page: Page, cardNumber: string, password: string): Promise<void> => {
  await page.locator('#login-card').fill(cardNumber);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
};

/**
 * Opens a page of the app and waits until it shows `readyTestId`, logging in again on the
 * way if the session ran out (the clock moved): the app may show the page first and switch
 * to the login form when its first API call answers 401, so both are awaited.
 */
export const visit = async (page: Page, baseUrl: string, hash: string, login: { card: string; password: string }, readyTestId: string): Promise<void> => {
  await page.goto(`${baseUrl}/${hash}`);
  await page.reload(); // a hash-only navigation would keep the page's old data
  const form = page.getByTestId('login-form');
  const ready = page.getByTestId(readyTestId);
  await form.or(ready).first().waitFor();
  if (await form.isVisible()) {
    await logIn(page, login.card, login.password);
    await ready.waitFor();
  }
};

/** The hold row of the status page, once its status is the one expected. */
export const holdRow = async (page: Page, holdId: string, status: string) => {
  const row = page.locator(`[data-testid="hold-row"][data-hold-id="${holdId}"]`);
  await until(async () => (await row.getAttribute('data-status').catch(() => null)) === status, `hold ${holdId} to be ${status}`);
  return row;
};
