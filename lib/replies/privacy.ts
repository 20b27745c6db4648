import type { Customer } from '../db/types';

export type PrivateKind = 'order' | 'email' | 'phone' | 'address' | 'profile';

export interface PrivateDetail {
  kind: PrivateKind;
  value: string;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/gi;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
const ORDER = /\b[A-Z]{1,4}-?\d{3,}\b|#\d{4,}|№\s?\d{3,}/g;
const ADDRESS =
  /\b\d{1,5}\s+[A-Z][a-z]+(\s[A-Z][a-z]+)*\s(Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd)\b|(ул\.|улица|пр\.|проспект|пер\.|переулок|д\.|дом|кв\.|квартира)\s*[\p{L}\d-]+/giu;

/**
 * What in a reply should not be said in public: order numbers, emails, phones, street addresses,
 * and anything the profile holds that would identify the customer (their emails, phones, order
 * numbers, and preferences marked private with a leading "private:" note).
 */
export function privateDetails(
  reply: string,
  customer: Customer | null,
  /** What the customer wrote in public themselves (the post, their replies): repeating it reveals nothing. */
  published: readonly string[] = [],
): PrivateDetail[] {
  const found = new Map<string, PrivateDetail>();
  const said = published.join('\n').toLowerCase();
  const add = (kind: PrivateKind, value: string) => {
    const v = value.trim();
    if (v && !found.has(v.toLowerCase()) && !said.includes(v.toLowerCase()))
      found.set(v.toLowerCase(), { kind, value: v });
  };
  for (const m of reply.match(EMAIL) ?? []) add('email', m);
  for (const m of reply.match(PHONE) ?? []) if (m.replace(/\D/g, '').length >= 7) add('phone', m);
  for (const m of reply.match(ORDER) ?? []) add('order', m);
  for (const m of reply.match(ADDRESS) ?? []) add('address', m);
  if (customer) {
    const lower = reply.toLowerCase();
    const known: [PrivateKind, string][] = [
      ...customer.emails.map((e): [PrivateKind, string] => ['email', e]),
      ...customer.phones.map((p): [PrivateKind, string] => ['phone', p]),
      ...customer.orders.map((o): [PrivateKind, string] => ['order', o.id]),
      ...Object.entries(customer.preferences)
        .filter(([key]) => /^private[:\s]/i.test(key))
        .map(([, value]): [PrivateKind, string] => ['profile', value]),
    ];
    for (const [kind, value] of known)
      if (value && value.length >= 3 && lower.includes(value.toLowerCase())) add(kind, value);
  }
  return [...found.values()];
}
