import { create } from 'zustand';
import type { Progress, ImportResult } from '@/lib/import/client';
import type { FilePreview } from '@/lib/import/preview';

type Picked<P> = { file: File; preview: P } | null;

export type CustomersPreview = Extract<FilePreview, { kind: 'customers' | 'backup' }>;
export type OrdersPreview = Extract<FilePreview, { kind: 'orders' }>;

/** The import panel's state: files picked, their previews and mappings, the running job, its outcome. */
interface ImportState {
  customers: Picked<CustomersPreview>;
  orders: Picked<OrdersPreview>;
  running: Progress | 'starting' | null;
  result: ImportResult | { kind: 'error'; message: string } | null;
  set: (patch: Partial<Omit<ImportState, 'set'>>) => void;
}

export const useImport = create<ImportState>((set) => ({
  customers: null,
  orders: null,
  running: null,
  result: null,
  set: (patch) => set(patch),
}));
