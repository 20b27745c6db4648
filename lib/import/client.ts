import { customersChanged } from '../db/mutations';
import type { CustomerField, Mapping, OrderField } from './columns';
import type { ImportReport } from './job';
import type { FilePreview } from './preview';
import type { FileKind, WorkerReply, WorkerRequest } from './protocol';
import type { ImportProblem } from './table';
import type { TierWords } from './tiers';

export type Progress = Extract<WorkerReply, { type: 'progress' }>['progress'];

export type ImportResult =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'restored'; customers: number; interactions: number }
  | { kind: 'failed'; problems: ImportProblem[] }
  | { kind: 'stopped' };

/** A failure in the worker's writing, with the name of the browser's error (QuotaExceededError…). */
export class WorkerFailure extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** A picked file, the sheet chosen in it (workbooks) and its mapping. */
type Chosen<F extends string> = { file: File; sheet?: string; mapping: Mapping<F> };

type Pending = { resolve: (reply: WorkerReply) => void; onProgress?: (p: Progress) => void };

/** The options page's side of the import worker: one request at a time, answered by promise. */
export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private send(request: WorkerRequest, onProgress?: (p: Progress) => void): Promise<WorkerReply> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        if (reply.type === 'progress') waiting.onProgress?.(reply.progress);
        else {
          this.pending.delete(reply.id);
          waiting.resolve(reply);
        }
      };
    }
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve, onProgress });
      this.worker!.postMessage(request);
    });
  }

  async preview(file: File, kind: FileKind, sheet?: string): Promise<FilePreview> {
    const reply = await this.send({ type: 'preview', id: this.nextId++, name: file.name, kind, file, sheet });
    return reply.type === 'preview'
      ? reply.preview
      : { kind: 'failed', problems: [{ line: 0, message: failureText(reply) }] };
  }

  async import(
    files: {
      customers?: Chosen<CustomerField>;
      orders?: Chosen<OrderField>;
      tierWords: TierWords;
    },
    onProgress: (p: Progress) => void,
  ): Promise<ImportResult> {
    const customers = files.customers && { ...files.customers, name: files.customers.file.name };
    const orders = files.orders && { ...files.orders, name: files.orders.file.name };
    return resultOf(
      await this.send(
        { type: 'import', id: this.nextId++, customers, orders, tierWords: files.tierWords },
        onProgress,
      ),
    );
  }

  async restore(file: File): Promise<ImportResult> {
    return resultOf(await this.send({ type: 'restore', id: this.nextId++, file }));
  }

  /** Stops the running import between two chunks; it then changes nothing. */
  stop(): void {
    this.worker?.postMessage({ type: 'stop', id: 0 } satisfies WorkerRequest);
  }
}

function failureText(reply: WorkerReply): string {
  return reply.type === 'error' ? reply.message : 'The import worker gave an unexpected answer.';
}

/** The worker's answer; customers it changed are announced in this page (its mutations ran there). */
function resultOf(reply: WorkerReply): ImportResult {
  if (reply.type === 'imported' || reply.type === 'restored') {
    customersChanged();
  }
  switch (reply.type) {
    case 'imported':
      return { kind: 'imported', report: reply.report };
    case 'restored':
      return { kind: 'restored', ...reply.result };
    case 'failed':
      return { kind: 'failed', problems: reply.problems };
    case 'stopped':
      return { kind: 'stopped' };
    case 'error':
      throw new WorkerFailure(reply.name, reply.message);
    default:
      throw new WorkerFailure('Error', failureText(reply));
  }
}
