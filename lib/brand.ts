import { SITES } from './sites/registry';

/**
 * The brand's own accounts as the agent typed them in Settings ("@hearthandco", "hearthandco",
 * a profile link, a numeric id), in the forms a post's author carries: lower-case handles and ids.
 */
export function brandAccounts(typed: readonly string[]): Set<string> {
  const accounts = new Set<string>();
  for (const raw of typed) {
    const value = raw.trim();
    if (!value) continue;
    accounts.add(value.replace(/^@/, '').toLowerCase());
    for (const site of SITES) {
      const account = site.accountFrom(value);
      if (account?.handle) accounts.add(account.handle.toLowerCase());
      if (account?.id) accounts.add(account.id);
    }
  }
  return accounts;
}

/** Whether a post's author is one of the brand's own accounts. */
export function isBrandAuthor(
  author: { handle: string; id?: string },
  accounts: ReadonlySet<string>,
): boolean {
  return (
    (!!author.handle && accounts.has(author.handle.toLowerCase())) || (!!author.id && accounts.has(author.id))
  );
}
