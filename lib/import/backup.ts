import * as v from 'valibot';
import { phoneKeysOf } from '../db/customers';
import { identityKeysOf } from '../db/identity';
import { nameTokens } from '../match/names';
import type { ReplyTemplate } from '../replies/defaults';
import { requiresOf, TemplateSchema } from '../replies/templates-io';
import type { ConciergeDb } from '../db/schema';
import { CustomerSchema, InteractionSchema, LearningSchema, RejectionSchema, str } from '../db/records';
import type { Customer, Interaction } from '../db/types';
import type { ImportProblem } from './csv';

export const BACKUP_FORMAT = 'concierge-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: str(40),
  customers: v.array(CustomerSchema),
  interactions: v.array(InteractionSchema),
  // Added after the first backups were made: older files have none.
  rejections: v.optional(v.array(RejectionSchema)),
  templates: v.optional(v.array(TemplateSchema)),
  learning: v.optional(v.array(LearningSchema)),
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
      // Through the transaction, as the import writes: each write stays in it across the awaits.
      const table = <K extends 'customers' | 'interactions' | 'rejections' | 'templates' | 'learning'>(
        name: K,
      ): ConciergeDb[K] => transaction.table(name);
      await table('customers').bulkPut(customers);
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
