import { create } from 'zustand';

/** The customer list's state: what is searched, which page, which customer is open. */
interface CustomersState {
  query: string;
  page: number;
  editing: string | null;
  setQuery: (query: string) => void;
  setPage: (page: number) => void;
  edit: (id: string | null) => void;
}

export const useCustomers = create<CustomersState>((set) => ({
  query: '',
  page: 0,
  editing: null,
  setQuery: (query) => set({ query, page: 0 }),
  setPage: (page) => set({ page }),
  edit: (editing) => set({ editing }),
}));
