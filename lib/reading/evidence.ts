import type { LifeEventKind } from '../db/types';
import { LIFE_EVENT_KINDS } from '../db/types';
import { INTENT_NAMES, type Intent } from './intents';

/** A piece of a reading's evidence, by what it is, for the panel to word in the UI's language. */
export type Evidence =
  | { kind: 'intent'; intent: Intent; words: string }
  | { kind: 'lifeEvent'; event: LifeEventKind; words: string }
  | { kind: 'problem'; problem: string; words: string }
  | { kind: 'word'; positive: boolean; words: string }
  | { kind: 'learned'; labels: string }
  | { kind: 'orderNumber'; value: string }
  | { kind: 'product'; value: string }
  | { kind: 'corrected' }
  | { kind: 'other'; text: string };

const PROBLEMS = new Set(['no response', 'defect', 'delivery', 'billing', 'exasperation']);

/** Reads one evidence line as `classify` writes it ("complaint: \"stopped heating\"", "− not happy"…). */
export function parseEvidence(line: string): Evidence {
  if (line === 'corrected by the agent') return { kind: 'corrected' };
  const word = /^([+−]) (.+)$/.exec(line);
  if (word) return { kind: 'word', positive: word[1] === '+', words: word[2]! };
  const labelled = /^([a-z_ ]+): (.+)$/.exec(line);
  if (!labelled) return { kind: 'other', text: line };
  const [, label, rest] = labelled as unknown as [string, string, string];
  const words = rest.replace(/^"|"$/g, '');
  if ((INTENT_NAMES as readonly string[]).includes(label))
    return { kind: 'intent', intent: label as Intent, words };
  if ((LIFE_EVENT_KINDS as readonly string[]).includes(label))
    return { kind: 'lifeEvent', event: label as LifeEventKind, words };
  if (PROBLEMS.has(label)) return { kind: 'problem', problem: label.replace(' ', '_'), words };
  if (label === 'learned') return { kind: 'learned', labels: rest.replace(/\s*\([\d.]+\)$/, '') };
  if (label === 'order number') return { kind: 'orderNumber', value: rest };
  if (label === 'product') return { kind: 'product', value: rest };
  return { kind: 'other', text: line };
}
