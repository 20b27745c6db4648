import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATES } from '../lib/replies/defaults';
import { extensionPage, type Harness } from './support/extension';
import { extensionSuite } from './support/session';

// The spec confirms a deletion itself: dialogs are accepted here.
const suite = extensionSuite(undefined, { sample: false, acceptDialogs: true });
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

test('a template the team edits or deletes stays so; the others stay Concierge’s own', async () => {
  const page = await extensionPage(h, 'options.html');
  const table = page.getByTestId('template-table');
  // Each shipped template is named in the UI's language; its own language is in the next cell.
  const row = (name: string, language = 'English') =>
    table
      .locator('tr')
      .filter({ has: page.getByText(name, { exact: true }) })
      .filter({ hasText: language });
  await expect(row('Acknowledge')).toHaveCount(1);
  await expect(row('Acknowledge', 'Russian').locator('td').first()).toHaveAttribute('lang', 'en');
  // A team that answers in one language looks at that one.
  const russian = DEFAULT_TEMPLATES.filter((tpl) => tpl.language === 'ru').length;
  await page.getByTestId('templates-language').selectOption({ label: `Russian (${russian})` });
  await expect(table.locator('tr')).toHaveCount(russian);
  await expect(row('Acknowledge')).toHaveCount(0);
  await page.getByTestId('templates-language').selectOption('');
  await expect(table.locator('tr')).toHaveCount(DEFAULT_TEMPLATES.length);

  await row('Acknowledge').getByTestId('template-delete').click();
  await expect(row('Acknowledge')).toHaveCount(0);
  await row('Thank for praise').getByTestId('template-edit').click();
  await page
    .locator('textarea[name="body"]')
    .fill('Thanks so much, {{greeting.name | "friend"}}! — {{agent.name}}');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('templates').getByRole('status')).toHaveText('Template saved.');

  // Edited, the template is the team's; the untouched ones are still marked built in.
  await expect(row('Thank for praise')).not.toContainText('built in');
  await expect(row('Help to choose')).toContainText('built in');
  await page.reload();
  await expect(row('Help to choose')).toContainText('built in');
  await expect(row('Acknowledge')).toHaveCount(0);
  await expect(page.getByTestId('templates-restore-deleted')).toHaveText(
    'Bring back the built-in templates deleted (1)',
  );
  await row('Thank for praise').getByTestId('template-edit').click();
  await expect(page.locator('textarea[name="body"]')).toHaveValue(
    'Thanks so much, {{greeting.name | "friend"}}! — {{agent.name}}',
  );
  await page.getByRole('button', { name: 'Back to the list' }).click();

  // Changed their mind: the built-in wording and the deleted template come back.
  await expect(row('Help to choose').getByTestId('template-restore')).toHaveCount(0);
  await row('Thank for praise').getByTestId('template-restore').click();
  await expect(row('Thank for praise')).toContainText('built in');
  await page.getByTestId('templates-restore-deleted').click();
  await expect(page.getByTestId('templates').getByRole('status')).toHaveText('Built-in templates restored.');
  await expect(row('Acknowledge')).toContainText('built in');
  await expect(page.getByTestId('templates-restore-deleted')).toHaveCount(0);
  await page.close();
});
