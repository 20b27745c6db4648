/** What an agent does on the options page, as the specs do it again and again. */
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Clicks what starts a download and waits for the file. */
export async function download(page: Page, trigger: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return file;
}

/** The bytes of the file a click downloads. */
export async function downloaded(page: Page, trigger: Locator): Promise<Buffer> {
  return readFileSync((await (await download(page, trigger)).path())!);
}

/** Searches the customer list until one customer is left, and opens them in the editor. */
export async function openCustomer(page: Page, query: string): Promise<void> {
  await page.getByTestId('customer-search').fill(query);
  await expect(page.getByTestId('edit-customer')).toHaveCount(1);
  await page.getByTestId('edit-customer').click();
}

/** Deletes every customer and chooses a file to import in their place. */
export async function wipeAndChoose(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await page.getByTestId('wipe').click();
  await expect(page.getByTestId('customer-count')).toContainText('No customers');
  await page.getByTestId('import-file').setInputFiles(file);
}
