import * as v from 'valibot';
import { phoneKeysOf } from '../db/customers';
import { identityKeysOf } from '../db/identity';
import { saveKnownIdentities } from '../db/known-identities';
import { nameTokens } from '../match/names';
import { SITE_IDS } from '../sites/lookup';
import type { ReplyTemplate } from '../replies/defaults';
import { requiresOf, TemplateSchema } from '../replies/templates-io';
import type { ConciergeDb } from '../db/schema';
import { LIFE_EVENT_KINDS, TIERS, type Customer, type Interaction } from '../db/types';
import type { ImportProblem } from './csv';

export const BACKUP_FORMAT = 'concierge-backup';
export const BACKUP_VERSION = 1;

const str = (max = 5000) => v.pipe(v.string(), v.maxLength(max));
const site = v.picklist(SITE_IDS);

const CustomerSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  name: str(200),
  aliases: v.array(str(200)),
  identities: v.array(
    v.object({
      site,
      handle: str(100),
      id: v.optional(str(40)),
      source: v.picklist(['imported', 'confirmed', 'manual', 'sample']),
      addedAt: str(40),
    }),
  ),
  identityKeys: v.optional(v.array(str(200))),
  emails: v.array(str(320)),
  phones: v.array(str(40)),
  phoneKeys: v.optional(v.array(str(40))),
  nameWords: v.optional(v.array(str(200))),
  crmId: v.optional(str(100)),
  language: v.optional(str(20)),
  tier: v.picklist(TIERS),
  tags: v.array(str(100)),
  orders: v.array(
    v.object({
      id: str(100),
      date: str(40),
      items: v.array(v.object({ name: str(300), quantity: v.optional(v.number()) })),
      total: v.optional(v.number()),
      currency: v.optional(str(10)),
      status: v.optional(str(60)),
    }),
  ),
  preferences: v.record(str(100), str(1000)),
  lifeEvents: v.array(
    v.object({
      date: str(40),
      kind: v.picklist(LIFE_EVENT_KINDS),
      text: str(),
      source: v.picklist(['agent', 'post', 'imported', 'sample']),
    }),
  ),
  notes: v.array(v.object({ at: str(40), text: str(), by: v.optional(str(200)) })),
  consent: v.optional(v.object({ marketing: v.boolean(), at: str(40) })),
  createdAt: str(40),
  updatedAt: str(40),
  lastContactAt: v.optional(str(40)),
  deletedAt: v.optional(str(40)),
});

const InteractionSchema = v.object({
  key: str(200),
  site,
  postId: str(100),
  url: str(2048),
  kind: v.picklist(['post', 'reply', 'comment']),
  author: v.object({
    handle: str(100),
    displayName: str(200),
    profileUrl: str(2048),
    id: v.optional(str(40)),
  }),
  authorKey: str(200),
  text: str(10_000),
  lang: v.optional(str(20)),
  createdAt: v.optional(str(40)),
  seenAt: str(40),
  status: v.picklist(['open', 'replied', 'dismissed']),
  snoozedUntil: v.optional(str(40)),
  respondedAt: v.optional(str(40)),
  correction: v.optional(
    v.object({
      sentiment: v.optional(v.picklist(['negative', 'neutral', 'positive'])),
      intents: v.optional(v.array(str(40))),
    }),
  ),
  replies: v.array(v.object({ text: str(10_000), at: str(40), by: v.optional(str(200)) })),
  updatedAt: str(40),
});

const RejectionSchema = v.object({ key: str(400), authorKey: str(200), customerId: str(40), at: str(40) });

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: str(40),
  customers: v.array(CustomerSchema),
  interactions: v.array(InteractionSchema),
  // Added after the first backups were made: older files have none.
  rejections: v.optional(v.array(RejectionSchema)),
  templates: v.optional(v.array(TemplateSchema)),
  learning: v.optional(
    v.array(
      v.object({
        key: str(140),
        templateId: str(80),
        intent: str(40),
        picks: v.number(),
        edits: v.number(),
        lastUsedAt: str(40),
      }),
    ),
  ),
});

export type Backup = v.InferOutput<typeof BackupSchema>;

export async function exportBackup(database: ConciergeDb, now = new Date().toISOString()): Promise<string> {
  return database.transaction(
    'r',
    [database.customers, database.interactions, database.rejections, database.templates, database.learning],
    async () => {
      const backup: Backup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now,
        customers: await database.customers.toArray(),
        interactions: await database.interactions.toArray(),
        rejections: await database.rejections.toArray(),
        templates: await database.templates.toArray(),
        learning: await database.learning.toArray(),
      };
      return JSON.stringify(backup, null, 1);
    },
  );
}

export function parseBackup(
  text: string,
): { ok: true; backup: Backup } | { ok: false; problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      ok: false,
      problems: [{ line: 0, message: `This is not valid JSON (${(error as Error).message}).` }],
    };
  }
  const result = v.safeParse(BackupSchema, data);
  if (result.success) return { ok: true, backup: result.output };
  const problems = result.issues.slice(0, 20).map((issue) => ({
    line: 0,
    message: `${v.getDotPath(issue) ?? 'file'}: ${issue.message}`,
  }));
  return { ok: false, problems };
}

/** Restores a backup over the base, record by record (by id), in one transaction. */
export async function restoreBackup(
  database: ConciergeDb,
  backup: Backup,
): Promise<{ customers: number; interactions: number }> {
  // Derived indexes are recomputed: a backup from an older version may lack them.
  const customers: Customer[] = backup.customers.map((c) => ({
    ...c,
    identityKeys: identityKeysOf(c.identities),
    phoneKeys: phoneKeysOf(c.phones),
    nameWords: nameTokens(c.name, ...c.aliases),
  }));
  await database.transaction(
    'rw',
    [database.customers, database.interactions, database.rejections, database.templates, database.learning],
    async (transaction) => {
      // Through the transaction, as the import writes: an await of a plain promise between two
      // writes (saveKnownIdentities has some) must not send the later ones elsewhere.
      const table = <K extends 'customers' | 'interactions' | 'rejections' | 'templates' | 'learning'>(
        name: K,
      ): ConciergeDb[K] => transaction.table(name);
      await table('customers').bulkPut(customers);
      await saveKnownIdentities(transaction);
      await table('interactions').bulkPut(backup.interactions as Interaction[]);
      await table('rejections').bulkPut(backup.rejections ?? []);
      await table('templates').bulkPut(
        (backup.templates ?? []).map((t): ReplyTemplate => ({ ...t, requires: requiresOf(t.body) })),
      );
      await table('learning').bulkPut(backup.learning ?? []);
    },
  );
  return { customers: customers.length, interactions: backup.interactions.length };
}
