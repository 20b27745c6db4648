import type { MessageKey } from '../i18n';
import { accountIsValid } from '../sites/lookup';
import type { Customer } from './types';

export interface Invalid {
  key: MessageKey;
  values: string[];
}

/** What an email looks like, for edits and imports alike (accounts: lib/sites/registry.ts). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A day as the editor and the data keep it. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an agent's edit must satisfy before it is saved; the first problem, or null. */
export function validateCustomer(c: Customer): Invalid | null {
  if (!c.name.trim() || c.name.length > 200) return { key: 'editNameRequired', values: [] };
  const email = c.emails.find((e) => !EMAIL.test(e));
  if (email) return { key: 'editBadEmail', values: [email] };
  const account = c.identities.find((i) => !accountIsValid(i.site, i));
  if (account) return { key: 'editBadHandle', values: [account.handle || account.id || ''] };
  if (c.orders.some((o) => !o.id.trim() || !DATE.test(o.date))) return { key: 'editBadOrder', values: [] };
  const badDate = c.lifeEvents.find((e) => !DATE.test(e.date));
  if (badDate) return { key: 'editBadDate', values: [badDate.date] };
  return null;
}
