import type { CustomerField, Mapping, OrderField } from './columns';
import type { ImportReport } from './job';
import type { FilePreview } from './preview';
import type { ImportProblem } from './table';

export type FileKind = 'customers' | 'orders';

/** Options page → import worker. Files travel as bytes: the worker finds their encoding. */
export type WorkerRequest =
  | { type: 'preview'; id: number; name: string; kind: FileKind; bytes: ArrayBuffer }
  | {
      type: 'import';
      id: number;
      customers?: { bytes: ArrayBuffer; mapping: Mapping<CustomerField> };
      orders?: { bytes: ArrayBuffer; mapping: Mapping<OrderField> };
    }
  | { type: 'restore'; id: number; bytes: ArrayBuffer }
  | { type: 'stop'; id: number };

/** Import worker → options page. */
export type WorkerReply =
  | { type: 'preview'; id: number; preview: FilePreview }
  | { type: 'progress'; id: number; progress: { phase: 'customers' | 'orders'; share: number; rows: number } }
  | { type: 'imported'; id: number; report: ImportReport }
  | { type: 'restored'; id: number; result: { customers: number; interactions: number } }
  | { type: 'failed'; id: number; problems: ImportProblem[] }
  | { type: 'stopped'; id: number }
  | { type: 'error'; id: number; name: string; message: string };
