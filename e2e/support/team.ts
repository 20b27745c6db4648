/** Joining a team from the Options page, as an agent would: for the team's tests and benchmark. */
import { expect, type Page } from '@playwright/test';
import type { Harness } from './extension';

/**
 * Playwright cannot press the browser's own "Allow" on a permission prompt: the extension's
 * request is answered yes here, as the agent would, and what it asked for is kept (`askedFor`)
 * to be checked. Call before opening the page that asks.
 */
export async function allowPermissionPrompts(h: Harness): Promise<void> {
  // As text: a function would be rewritten by the benchmark's TypeScript runner (tsx names its
  // functions through a helper that the page does not have).
  await h.context.addInitScript({
    content: `(() => {
      const permissions = globalThis.chrome?.permissions;
      if (!permissions) return;
      Object.defineProperty(permissions, 'request', {
        value: (asked, callback) => {
          globalThis.askedFor = asked;
          callback?.(true);
          return Promise.resolve(true);
        },
      });
    })();`,
  });
}

/** Joins the team at `url` with `token` from the Options page (its first sync may still be running). */
export async function joinFromOptions(options: Page, url: string, token: string): Promise<void> {
  await options.getByTestId('team-url').fill(url);
  await options.getByTestId('team-token').fill(token);
  await options.getByTestId('team-join').click();
  await expect(options.getByTestId('team-member')).toBeVisible();
  await expect(options.getByTestId('team-status')).toHaveAttribute('data-state', 'online', {
    timeout: 60_000,
  });
}
