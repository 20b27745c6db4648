import { newCustomer, withDerived, type CustomerDraft } from '../db/customers';
import { identityKeysOf } from '../db/identity';
import type { ConciergeDb } from '../db/schema';
import type { Customer } from '../db/types';

export interface ImportSummary {
  added: number;
  updated: number;
}

const union = <T>(a: readonly T[], b: readonly T[], key: (v: T) => string = String): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((v) => !seen.has(key(v)))];
};

/** What a row says wins; lists grow without repeats; nothing known is dropped. */
function merge(existing: Customer, draft: CustomerDraft): Customer {
  return withDerived({
    ...existing,
    name: draft.name,
    emails: union(existing.emails, draft.emails ?? []),
    phones: union(existing.phones, draft.phones ?? []),
    identities: union(existing.identities, draft.identities ?? [], (i) => `${i.site}:${(i.id ?? i.handle).toLowerCase()}`),
    tags: union(existing.tags, draft.tags ?? []),
    tier: draft.tier ?? existing.tier,
    language: draft.language ?? existing.language,
    notes: union(existing.notes, draft.notes ?? [], (n) => n.text),
  });
}

/**
 * Writes imported customers in one transaction: a row that names a known email or social
 * identity updates that customer instead of adding a copy. Fails whole or succeeds whole.
 */
export async function importDrafts(database: ConciergeDb, drafts: readonly CustomerDraft[]): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, updated: 0 };
  await database.transaction('rw', database.customers, async () => {
    for (const draft of drafts) {
      const keys = identityKeysOf(draft.identities ?? []);
      const byIdentity = keys.length ? await database.customers.where('identityKeys').anyOf(keys).toArray() : [];
      const byEmail = draft.emails?.length ? await database.customers.where('emails').anyOf(draft.emails).toArray() : [];
      const existing = [...byIdentity, ...byEmail].find((c) => !c.deletedAt);
      if (existing) {
        await database.customers.put(merge(existing, draft));
        summary.updated++;
      } else {
        await database.customers.add(newCustomer(draft));
        summary.added++;
      }
    }
  });
  return summary;
}
