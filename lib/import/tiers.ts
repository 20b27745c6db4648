import { TIERS, type Tier } from '../db/types';

/**
 * The words a CRM uses for Concierge's tiers, in a tier, tag, lifecycle or status column: "VIP"
 * tag → vip, "Золото" → gold. Keys are lower case. The user can change them in Options.
 */
export type TierWords = Readonly<Record<string, Tier>>;

export const DEFAULT_TIER_WORDS: TierWords = {
  vip: 'vip',
  premium: 'vip',
  platinum: 'vip',
  вип: 'vip',
  платина: 'vip',
  gold: 'gold',
  золото: 'gold',
  золотой: 'gold',
  evangelist: 'vip',
  regular: 'regular',
  customer: 'regular',
  обычный: 'regular',
  постоянный: 'regular',
  new: 'new',
  новый: 'new',
};

/** The tier a word names, or undefined. */
export function tierOf(word: string, words: TierWords): Tier | undefined {
  return Object.hasOwn(words, word.trim().toLowerCase()) ? words[word.trim().toLowerCase()] : undefined;
}

/** The first tag that names a tier above the ordinary ones ("VIP", "Gold"), if any. */
export function tierOfTags(tags: readonly string[], words: TierWords): Tier | undefined {
  for (const tag of tags) {
    const tier = tierOf(tag, words);
    if (tier && tier !== 'regular' && tier !== 'new') return tier;
  }
  return undefined;
}

/** The mapping as the user edits it: one "word = tier" per line. */
export function formatTierWords(words: TierWords): string {
  return Object.entries(words)
    .map(([word, tier]) => `${word} = ${tier}`)
    .join('\n');
}

export type ParsedTierWords = { ok: true; words: TierWords } | { ok: false; line: number; text: string };

/** Reads "word = tier" lines; blank lines are ignored; the first line that is neither is returned. */
export function parseTierWords(text: string): ParsedTierWords {
  const words: Record<string, Tier> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(.{1,60}?)\s*(?:=|→|->)\s*(\S+)$/u.exec(line);
    const tier = match?.[2]?.toLowerCase() as Tier | undefined;
    if (!match || !tier || !TIERS.includes(tier) || !match[1]!.trim())
      return { ok: false, line: index + 1, text: line };
    words[match[1]!.trim().toLowerCase()] = tier;
  }
  return { ok: true, words };
}
