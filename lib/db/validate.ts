import type { MessageKey } from '../i18n';
import type { Customer } from './types';

export interface Invalid {
  key: MessageKey;
  values: string[];
}

/** What an email, an X handle and a Facebook vanity name look like: for edits and imports alike. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const X_HANDLE = /^[A-Za-z0-9_]{1,50}$/;
export const FB_NAME = /^[A-Za-z0-9.]{1,80}$/;
const NUMERIC = /^\d{1,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an agent's edit must satisfy before it is saved; the first problem, or null. */
export function validateCustomer(c: Customer): Invalid | null {
  if (!c.name.trim() || c.name.length > 200) return { key: 'editNameRequired', values: [] };
  const email = c.emails.find((e) => !EMAIL.test(e));
  if (email) return { key: 'editBadEmail', values: [email] };
  for (const i of c.identities) {
    const handleOk = i.site === 'x' ? X_HANDLE.test(i.handle) : !i.handle || FB_NAME.test(i.handle);
    const idOk = i.id === undefined || NUMERIC.test(i.id);
    if (!handleOk || !idOk || (!i.handle && !i.id))
      return { key: 'editBadHandle', values: [i.handle || i.id || ''] };
  }
  if (c.orders.some((o) => !o.id.trim() || !DATE.test(o.date))) return { key: 'editBadOrder', values: [] };
  const badDate = c.lifeEvents.find((e) => !DATE.test(e.date));
  if (badDate) return { key: 'editBadDate', values: [badDate.date] };
  return null;
}
