/**
 * The import worker: decoding, parsing and writing happen here, off the options page's thread,
 * so that the page stays responsive through a million rows. Its messages are in protocol.ts.
 */
import { Dexie, RangeSet } from 'dexie';
import { ConciergeDb } from '../db/schema';
import { apply, mutation } from '../db/mutations';
import { parseBackup } from './backup';
import { ImportStopped, runImport } from './job';
import { PREVIEW_BYTES, previewFile, previewNeedsWhole } from './preview';
import type { WorkerReply, WorkerRequest } from './protocol';
import { filePieces, fileText } from './sheet';
import type { TextPieces } from './table';

let stopped = false;

/**
 * The worker's own connection, without Dexie's change feed: for a million-row import it would
 * post the key of every row to every open extension page on commit and freeze them. One coarse
 * "customers changed" is announced instead, once the import has committed.
 */
let connection: ConciergeDb | null = null;
function database(): ConciergeDb {
  if (!connection) {
    connection = new ConciergeDb();
    connection.unuse({ stack: 'dbcore', name: 'Observability' });
  }
  return connection;
}

function announceChange(): void {
  Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity, [[]]) });
}
const reply = (message: WorkerReply) => postMessage(message);

async function textOf(file: Blob, name = '', sheet?: string): Promise<string> {
  const read = await fileText(new Uint8Array(await file.arrayBuffer()), name, sheet);
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

/** The customers file read a piece at a time as the import goes: it may hold a million rows. */
async function piecesOf(file: Blob, name = '', sheet?: string): Promise<TextPieces> {
  const read = await filePieces(file, name, sheet);
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'stop':
      stopped = true;
      return;
    case 'preview': {
      const { file, name, kind, sheet } = request;
      const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
      const bytes = previewNeedsWhole(name, head) ? new Uint8Array(await file.arrayBuffer()) : head;
      reply({
        type: 'preview',
        id: request.id,
        preview: await previewFile(name, bytes, kind, sheet, file.size),
      });
      return;
    }
    case 'restore': {
      const parsed = parseBackup(await textOf(request.file));
      if (!parsed.ok) return reply({ type: 'failed', id: request.id, problems: parsed.problems });
      const result = await apply(mutation('restoreBackup', { backup: parsed.backup }), database());
      announceChange();
      reply({ type: 'restored', id: request.id, result });
      return;
    }
    case 'import': {
      stopped = false;
      const outcome = await runImport(
        database(),
        {
          customers: request.customers && {
            text: await piecesOf(request.customers.file, request.customers.name, request.customers.sheet),
            mapping: request.customers.mapping,
          },
          orders: request.orders && {
            text: await textOf(request.orders.file, request.orders.name, request.orders.sheet),
            mapping: request.orders.mapping,
          },
          tierWords: request.tierWords,
        },
        {
          onProgress: (progress) => reply({ type: 'progress', id: request.id, progress }),
          stopped: () => stopped,
        },
      );
      if (outcome.ok) announceChange();
      reply(
        outcome.ok
          ? { type: 'imported', id: request.id, report: outcome.report }
          : { type: 'failed', id: request.id, problems: outcome.problems },
      );
    }
  }
}

onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    if (request.type === 'stop') return;
    if (error instanceof ImportStopped) return reply({ type: 'stopped', id: request.id });
    const name =
      (error as { name?: string; inner?: { name?: string } })?.inner?.name ??
      (error as Error)?.name ??
      'Error';
    reply({
      type: 'error',
      id: request.id,
      name,
      message: error instanceof Error ? error.message : String(error),
    });
  });
};
