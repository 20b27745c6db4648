// Zero-width, bidi-control and BOM characters: sites sprinkle them into text against scraping,
// and hostile posts use them to disguise what is shown.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
const SPACE = /\s+/g;
/** Anything cleanText would change: most names and posts have none, and one test is cheaper. */
const UNCLEAN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]|[^\S ]| {2}|^ | $/;

/** Plain text as a reader sees it: invisible characters removed, white space collapsed. */
export function cleanText(raw: string): string {
  if (!UNCLEAN.test(raw)) return raw;
  return raw.replace(INVISIBLE, '').replace(SPACE, ' ').trim();
}

/** Like cleanText, but keeps line breaks (collapsing runs of blank lines). */
export function cleanMultiline(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Cuts a string to at most `max` characters without splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Emoji, their modifiers and joiners, and flags: what display names wear ("Лена 🌸", "Sam 🇬🇧"). */
const DECORATION =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** A display name as a person's name: without emoji; '' when it was nothing else. */
export function nameWithoutEmoji(displayName: string): string {
  return cleanText(displayName.replace(DECORATION, ' '));
}
