import en from '../../public/_locales/en/messages.json';

/** The import's messages: their names in the UI's message files, "import_" left off. */
export type ImportCode = Extract<keyof typeof en, `import_${string}`> extends `import_${infer C}` ? C : never;

/**
 * A message of the import: its English text (what tests, logs and the worker see) and its code
 * and values, from which the UI writes it in its own language.
 */
export interface Said {
  message: string;
  code: ImportCode;
  params: string[];
}

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** The English text of a message, its $PLACEHOLDERS$ filled as the browser would fill them. */
export function say(code: ImportCode, ...params: (string | number)[]): Said {
  const entry = (en as Record<string, Entry>)[`import_${code}`]!;
  const values = params.map(String);
  const message = entry.message.replace(/\$([A-Za-z_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = Number(content.slice(1)) - 1;
    return values[index] ?? whole;
  });
  return { message, code, params: values };
}

export function isSaid(value: unknown): value is Said {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** A problem at a line of the file, from what was said about it. */
export function problemOf(
  line: number,
  said: Said,
): { line: number; message: string; code: ImportCode; params: string[] } {
  return { line, message: said.message, code: said.code, params: said.params };
}
