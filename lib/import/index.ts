/**
 * The reading stage of an import, pure: a file's bytes to what would be imported, with the guessed
 * mapping and every problem, without touching the database. The import job reads rows with the
 * same functions (customerRow, parseOrdersCsv), so what these return is what it writes.
 */
import type { Identity } from '../db/types';
import type { CustomerField, Mapping, OrderField } from './columns';
import { parseCustomersCsv, parseOrdersCsv, type ImportProblem } from './csv';
import { fileText } from './sheet';
import type { TierWords } from './tiers';
import { problemOf } from './said';

export interface ReadCustomer {
  name: string;
  emails: string[];
  phones: string[];
  identities: Pick<Identity, 'site' | 'handle' | 'id'>[];
  tags: string[];
  tier?: string;
  language?: string;
  crmId?: string;
  city?: string;
}

export interface ReadOrder {
  id: string;
  /** The customer as the file names them: an e-mail (lower case) or a CRM id. */
  customer: string;
  items: { name: string; quantity?: number }[];
  total?: number;
  currency?: string;
  status?: string;
  date: string;
}

/** Rows skipped (line and why) and cells left out (line, column and why), in file order. */
type Read<T, F extends string> = { problems: ImportProblem[]; mapping: Mapping<F> } & T;

/** The file is not a table Concierge can read at all: its problems say why. */
const unreadable = <F extends string>(problems: ImportProblem[]) => ({ problems, mapping: [] as Mapping<F> });

export async function readCustomerFile(
  bytes: Uint8Array,
  fileName?: string,
  options: { sheet?: string; tierWords?: TierWords } = {},
): Promise<Read<{ customers: ReadCustomer[] }, CustomerField>> {
  const read = await fileText(bytes, fileName, options.sheet);
  if (!read.ok) return { customers: [], ...unreadable([problemOf(0, read)]) };
  const parsed = parseCustomersCsv(read.text, undefined, options.tierWords);
  if (!parsed.ok) return { customers: [], ...unreadable(parsed.problems) };
  const { rows, skipped, mapping } = parsed.value;
  const flagged = rows.flatMap((row) =>
    row.flags.map((f) => ({ ...problemOf(row.line, f.said), column: f.column })),
  );
  const customers = rows.map(({ draft }) => ({
    name: draft.name,
    emails: draft.emails ?? [],
    phones: draft.phones ?? [],
    identities: (draft.identities ?? []).map(({ site, handle, id }) => ({ site, handle, ...(id && { id }) })),
    tags: draft.tags ?? [],
    ...(draft.tier && { tier: draft.tier }),
    ...(draft.language && { language: draft.language }),
    ...(draft.crmId && { crmId: draft.crmId }),
    ...(draft.preferences?.city && { city: draft.preferences.city }),
  }));
  const problems = [...skipped, ...flagged].sort((a, b) => a.line - b.line);
  return { customers, problems, mapping };
}

export async function readOrderFile(
  bytes: Uint8Array,
  fileName?: string,
  options: { sheet?: string } = {},
): Promise<Read<{ orders: ReadOrder[] }, OrderField>> {
  const read = await fileText(bytes, fileName, options.sheet);
  if (!read.ok) return { orders: [], ...unreadable([problemOf(0, read)]) };
  const parsed = parseOrdersCsv(read.text);
  if (!parsed.ok) return { orders: [], ...unreadable(parsed.problems) };
  const orders = parsed.orders.map(({ customer, order }) => ({ ...order, customer }));
  return { orders, problems: parsed.skipped, mapping: parsed.mapping };
}
