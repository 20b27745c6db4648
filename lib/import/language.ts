/**
 * A language as CRMs write it — a code ("en", "ru_RU", "pt-BR") or a name in English, in Russian
 * or in the language itself ("English", "Русский", "Deutsch", "German") — as its ISO 639 code.
 * The names come from the browser's own Intl.DisplayNames, not from a list kept here.
 */
const NAMING_LOCALES = ['en', 'ru'];

let byName: Map<string, string> | null = null;

const fold = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е');

/** Every two-letter code Intl can name, by each of its names. Built once, on first use. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const namers = NAMING_LOCALES.map(
    (locale) => new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }),
  );
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const own = (() => {
        try {
          return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
        } catch {
          return undefined;
        }
      })();
      for (const name of [...namers.map((n) => n.of(code)), own]) {
        // Intl names a code it does not know by the code itself, or not at all.
        if (name && fold(name) !== code && !byName.has(fold(name))) byName.set(fold(name), code);
      }
    }
  }
  return byName;
}

export function languageCode(value: string): string | null {
  const text = fold(value);
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/.exec(text)?.[1];
  if (code) return code;
  return names().get(text) ?? names().get(text.replace(/\s*\(.*\)$/, '')) ?? null;
}
