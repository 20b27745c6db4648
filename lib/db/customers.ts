import { v7 as timeOrderedId } from 'uuid';
import { nameTokens } from '../match/names';
import { identityKeysOf, phoneKey } from './identity';
import type { ConciergeDb } from './schema';
import type { Customer } from './types';

export type CustomerDraft = Partial<
  Omit<Customer, 'id' | 'identityKeys' | 'phoneKeys' | 'nameWords' | 'createdAt' | 'updatedAt'>
> & {
  name: string;
};

/**
 * A complete customer record from what is known; ids and times are filled in. Ids are
 * time-ordered (UUID version 7, increasing within a context), so an import's records reach the
 * disk in key order and its store appends instead of rewriting files all over the key space.
 * An import in a team passes ids made from keys instead (../import/apply).
 */
export function newCustomer(
  draft: CustomerDraft,
  now = new Date().toISOString(),
  id = timeOrderedId(),
): Customer {
  const identities = draft.identities ?? [];
  return {
    id,
    name: draft.name.trim(),
    aliases: draft.aliases ?? [],
    nameWords: nameTokens(draft.name, ...(draft.aliases ?? [])),
    identities,
    identityKeys: identityKeysOf(identities),
    emails: (draft.emails ?? []).map((e) => e.trim().toLowerCase()),
    phones: draft.phones ?? [],
    phoneKeys: phoneKeysOf(draft.phones ?? []),
    ...(draft.crmId && { crmId: draft.crmId, ...(draft.crmSource && { crmSource: draft.crmSource }) }),
    language: draft.language,
    tier: draft.tier ?? 'regular',
    tags: draft.tags ?? [],
    orders: draft.orders ?? [],
    preferences: draft.preferences ?? {},
    lifeEvents: draft.lifeEvents ?? [],
    notes: draft.notes ?? [],
    consent: draft.consent,
    createdAt: now,
    updatedAt: now,
    lastContactAt: draft.lastContactAt,
  };
}

export function phoneKeysOf(phones: readonly string[]): string[] {
  return [...new Set(phones.map(phoneKey).filter((k) => k.length >= 5))];
}

/** Keeps the derived indexes in step with identities, phones and names whenever a customer is written. */
export function withDerived(customer: Customer, now = new Date().toISOString()): Customer {
  return {
    ...customer,
    identityKeys: identityKeysOf(customer.identities),
    phoneKeys: phoneKeysOf(customer.phones),
    nameWords: nameTokens(customer.name, ...customer.aliases),
    updatedAt: now,
  };
}

export async function saveCustomer(database: ConciergeDb, customer: Customer): Promise<Customer> {
  const saved = withDerived(customer);
  await database.customers.put(saved);
  return saved;
}

export function firstName(customer: Pick<Customer, 'name'>): string {
  return customer.name.trim().split(/\s+/)[0] ?? '';
}

export function lastOrder(customer: Pick<Customer, 'orders'>): Customer['orders'][number] | undefined {
  return [...customer.orders].sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** Deletes a customer with everything attached: their posts seen and the agent's answers about them. */
export async function deleteCustomer(database: ConciergeDb, id: string): Promise<void> {
  await database.transaction(
    'rw',
    database.customers,
    database.interactions,
    database.rejections,
    async () => {
      const customer = await database.customers.get(id);
      if (!customer) return;
      if (customer.identityKeys.length)
        await database.interactions.where('authorKey').anyOf(customer.identityKeys).delete();
      await database.rejections.where('customerId').equals(id).delete();
      await database.customers.delete(id);
    },
  );
}
