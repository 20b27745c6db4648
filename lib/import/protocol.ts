import type { CustomerField, Mapping, OrderField } from './columns';
import type { ImportReport, JobProgress } from './job';
import type { TierWords } from './tiers';
import type { FilePreview } from './preview';
import type { ImportProblem } from './table';

export type FileKind = 'customers' | 'orders';

/** A file to import: its name tells a workbook, `sheet` picks one of its sheets. */
export interface ImportFile<F extends string> {
  file: Blob;
  name: string;
  sheet?: string;
  mapping: Mapping<F>;
}

/**
 * Options page → import worker. Files travel as File handles: the worker reads them itself (a
 * 100 MB file is never held by the page) and finds their encoding.
 */
export type WorkerRequest =
  | { type: 'preview'; id: number; name: string; kind: FileKind; file: Blob; sheet?: string }
  | {
      type: 'import';
      id: number;
      customers?: ImportFile<CustomerField>;
      orders?: ImportFile<OrderField>;
      tierWords: TierWords;
    }
  | { type: 'restore'; id: number; file: Blob }
  | { type: 'stop'; id: number };

/** Import worker → options page. */
export type WorkerReply =
  | { type: 'preview'; id: number; preview: FilePreview }
  | { type: 'progress'; id: number; progress: JobProgress }
  | { type: 'imported'; id: number; report: ImportReport }
  | { type: 'restored'; id: number; result: { customers: number; interactions: number } }
  | { type: 'failed'; id: number; problems: ImportProblem[] }
  | { type: 'stopped'; id: number }
  | { type: 'error'; id: number; name: string; message: string };
