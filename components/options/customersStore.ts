import { create } from 'zustand';
import type { Anchor } from '@/lib/db/queries';

/** The customer list's state: what is searched, which page, which customer is open. */
interface CustomersState {
  query: string;
  page: number;
  /** Where each page visited of the whole list starts (anchors[0] is the start). */
  anchors: (Anchor | null)[];
  editing: string | null;
  setQuery: (query: string) => void;
  setPage: (page: number, anchor?: Anchor) => void;
  edit: (id: string | null) => void;
}

export const useCustomers = create<CustomersState>((set) => ({
  query: '',
  page: 0,
  anchors: [null],
  editing: null,
  setQuery: (query) => set({ query, page: 0, anchors: [null] }),
  setPage: (page, anchor) =>
    set((s) => {
      const anchors = [...s.anchors];
      if (anchor) anchors[page] = anchor;
      return { page, anchors };
    }),
  edit: (editing) => set({ editing }),
}));
