/**
 * A small template language: `{{path}}` inserts a value, `{{a | b | "text"}}` takes the first
 * alternative that has one. An unknown variable or a broken tag is reported, and the rest of the
 * template still renders.
 */
export type TemplateValues = Record<string, string | number | undefined>;

export interface Rendered {
  text: string;
  /** Variables that had no value and no fallback. */
  missing: string[];
  /** Problems with the template itself, with the offending tag. */
  errors: string[];
}

const TAG = /\{\{([^{}]*)\}\}/g;
const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const LITERAL = /^"([^"]*)"$|^'([^']*)'$/;

export function render(body: string, values: TemplateValues, known?: ReadonlySet<string>): Rendered {
  const missing: string[] = [];
  const errors: string[] = [];
  const text = body.replace(TAG, (tag, inner: string) => {
    const alternatives = inner.split('|').map((part) => part.trim());
    for (const alt of alternatives) {
      const literal = alt.match(LITERAL);
      if (literal) return literal[1] ?? literal[2] ?? '';
      if (!VARIABLE.test(alt)) {
        errors.push(`${tag}: "${alt}" is neither a variable nor a quoted text`);
        continue;
      }
      if (known && !known.has(alt) && !alt.startsWith('preference.')) {
        errors.push(`${tag}: unknown variable "${alt}"`);
        continue;
      }
      const value = values[alt];
      if (value !== undefined && String(value).trim() !== '') return String(value);
    }
    missing.push(alternatives.join(' | '));
    return '';
  });
  const unclosed = text.indexOf('{{');
  if (unclosed >= 0) errors.push(`"{{" without "}}" at character ${unclosed + 1}`);
  return { text: tidy(text), missing, errors };
}

/** Removes what empty variables leave behind: doubled spaces, a space before punctuation. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/ +([,.!?;:])/g, '$1')
        .trim(),
    )
    .join('\n')
    .trim();
}

/** The variables a template uses (not its quoted fallbacks). */
export function variablesOf(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(TAG)) {
    for (const alt of (match[1] ?? '').split('|').map((p) => p.trim())) {
      if (VARIABLE.test(alt)) found.add(alt);
    }
  }
  return [...found];
}
