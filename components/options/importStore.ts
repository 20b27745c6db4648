import { create } from 'zustand';
import type { Progress, ImportResult } from '@/lib/import/client';
import type { FilePreview } from '@/lib/import/preview';
import type { ProgressSample } from '@/lib/import/progress';
import type { Basis } from './MappingTable';

export type CustomersPreview = Extract<FilePreview, { kind: 'customers' | 'backup' }>;
export type OrdersPreview = Extract<FilePreview, { kind: 'orders' }>;

/** A picked file, what it holds, and how each column's field was chosen. */
export type Picked<P> = { file: File; preview: P; basis: Basis[] } | null;

/** The import panel's state: files picked, their previews and mappings, the running job, its outcome. */
interface ImportState {
  customers: Picked<CustomersPreview>;
  orders: Picked<OrdersPreview>;
  /** The job's last report, and the recent reports' rows by time (from the start, at no rows). */
  running: { progress: Progress | null; samples: ProgressSample[] } | null;
  result: ImportResult | { kind: 'error'; message: string } | null;
  /** The picked files have been imported; a new file must be picked before Import is offered again. */
  done: boolean;
  set: (patch: Partial<Omit<ImportState, 'set'>>) => void;
}

export const useImport = create<ImportState>((set) => ({
  customers: null,
  orders: null,
  running: null,
  result: null,
  done: false,
  set: (patch) => set(patch),
}));
