import { create } from 'zustand';

export type InsertStatus = { postKey: string; ok: boolean; message: string };

interface PanelState {
  selectedKey: string | null;
  /** The agent's edits of each suggestion, by post and template, kept while the panel is open. */
  drafts: Record<string, string>;
  insertStatus: InsertStatus | null;
  select: (key: string | null) => void;
  setDraft: (id: string, text: string) => void;
  setInsertStatus: (status: InsertStatus | null) => void;
}

export const usePanelStore = create<PanelState>((set) => ({
  selectedKey: null,
  drafts: {},
  insertStatus: null,
  select: (selectedKey) => set({ selectedKey, insertStatus: null }),
  setDraft: (id, text) => set((s) => ({ drafts: { ...s.drafts, [id]: text } })),
  setInsertStatus: (insertStatus) => set({ insertStatus }),
}));
