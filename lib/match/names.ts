/**
 * Names in one comparable form. "Tomás" and "Tomas", "Алиса" and "Alisa", "SOKOLOV" and
 * "Sokolov" become the same tokens, so that search and name candidates see through accents,
 * case and the Cyrillic–Latin divide.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** Lower case, accents removed, anything but letters and digits turned into spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A Cyrillic word in Latin letters, the way passports and most people write it. */
export function transliterate(word: string): string {
  let out = '';
  for (const ch of word) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** The words of a name, folded, each Cyrillic word also in Latin letters. */
export function nameTokens(...names: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    for (const word of foldName(name).split(' ')) {
      if (word.length < 2) continue;
      tokens.add(word);
      if (CYRILLIC.test(word)) tokens.add(transliterate(word));
    }
  }
  return [...tokens];
}
