import Papa from 'papaparse';
import { say, type ImportCode } from './said';
import { PIECE_SIZE, tablePieces } from './stream';

/** A problem with a file or one of its rows; line 0 means the file as a whole. */
export interface ImportProblem {
  line: number;
  /** In English; `code` and `params` let the UI write it in its own language. */
  message: string;
  code?: ImportCode;
  params?: string[];
  /** The problem is in the orders file (the customers file when absent). */
  ordersFile?: boolean;
  /** The column of a cell that could not be read, when the problem is one cell. */
  column?: string;
}

export interface TableRow {
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type Table =
  { ok: true; header: string[]; rows: TableRow[] } | { ok: false; problems: ImportProblem[] };

/** The text as the reader wants it: no byte order mark, one kind of line ending. */
function normalise(input: string): string {
  return input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The separator of the header line: the one of comma, semicolon and tab it uses most. */
export function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\n|$/));
  const count = (d: string) => firstLine.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** The reader's controls: `pause` waits for `resume`; `abort` ends the reading. */
interface Control {
  pause: () => void;
  resume: () => void;
  abort: () => void;
}

interface Visitor {
  header: (fields: string[]) => void;
  row: (row: TableRow, control: Control) => void;
  problem: (problem: ImportProblem) => void;
}

/**
 * Papa Parse's step reader with line numbers kept (a quoted field may span lines) and a quote
 * left open reported where it opens: it spoils everything after it, so reading stops.
 */
function parse(
  text: string,
  visit: Visitor,
  complete: () => void,
  piece: { delimiter?: string; firstLine?: number; headerDone?: boolean } = {},
): void {
  let cursor = 0;
  let line = piece.firstLine ?? 1;
  let header = piece.headerDone ?? false;
  // After a pause, Papa Parse counts its cursor from where it resumed.
  let base = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: piece.delimiter ?? delimiterOf(text),
    newline: '\n',
    skipEmptyLines: false,
    step(result, parser) {
      const rowLine = line;
      const end = base + result.meta.cursor;
      for (let i = text.indexOf('\n', cursor); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
      cursor = end;
      if (result.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) {
        visit.problem({ line: rowLine, ...say('fileUnclosedQuote') });
        parser.abort();
        return;
      }
      const fields = result.data;
      if (fields.length === 1 && fields[0]?.trim() === '') return;
      if (!header) {
        header = true;
        visit.header(fields.map((f) => f.trim()));
      } else {
        visit.row(
          { line: rowLine, fields },
          {
            pause: () => {
              base = cursor;
              parser.pause();
            },
            resume: () => parser.resume(),
            abort: () => parser.abort(),
          },
        );
      }
    },
    complete,
  });
}

/**
 * Reads delimited text (comma, semicolon or tab; quoted fields may hold separators and line
 * breaks; any mix of line endings) at once. The first non-empty row is the header. `limit` stops
 * after that many rows, for a preview.
 */
export function readTable(input: string, limit = Infinity): Table {
  const text = normalise(input);
  if (!text.trim()) return { ok: false, problems: [{ line: 0, ...say('fileEmpty') }] };
  let header: string[] | null = null;
  const rows: TableRow[] = [];
  const problems: ImportProblem[] = [];
  parse(
    text,
    {
      header: (h) => (header = h),
      row: (row, control) => {
        rows.push(row);
        if (rows.length >= limit) control.abort();
      },
      problem: (p) => problems.push(p),
    },
    () => undefined,
  );
  if (problems.length) return { ok: false, problems };
  if (!header) return { ok: false, problems: [{ line: 0, ...say('fileNoHeader') }] };
  if (!rows.length) return { ok: false, problems: [{ line: 0, ...say('fileNoRows') }] };
  return { ok: true, header, rows };
}

export class TableError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems[0]?.message ?? 'The file cannot be read.');
  }
}

/**
 * Reads a table (a file, or text) in pieces of a few megabytes and hands over its rows in chunks
 * of `size`, waiting for `onChunk` to finish with each before reading on, so that a million-row
 * file is never whole in memory, as bytes, text or rows. `at.total` estimates the rows of the
 * whole table from the share read so far, exact at the end. Rejects with a TableError for a
 * table that cannot be read, or with whatever `onChunk` throws.
 */
export async function streamTable(
  source: string | Blob,
  size: number,
  onChunk: (header: string[], rows: TableRow[], at: { total: number }) => Promise<void>,
  pieceSize = PIECE_SIZE,
): Promise<void> {
  let header: string[] | null = null;
  let delimiter = ',';
  let buffer: TableRow[] = [];
  let parsed = 0;
  let lines = 0;
  let blank = true;
  for await (const piece of tablePieces(source, (first) => (delimiter = delimiterOf(first)), pieceSize)) {
    const firstLine = lines + 1;
    for (let i = piece.text.indexOf('\n'); i >= 0; i = piece.text.indexOf('\n', i + 1)) lines++;
    if (blank && !piece.text.trim()) continue;
    // A file read in one piece never asked for its delimiter.
    if (blank) delimiter = delimiterOf(piece.text);
    blank = false;
    const rows: TableRow[] = [];
    let problem: ImportProblem | null = null;
    parse(
      piece.text,
      { header: (h) => (header = h), row: (row) => rows.push(row), problem: (p) => (problem = p) },
      () => undefined,
      { delimiter, firstLine, headerDone: header !== null },
    );
    if (problem) throw new TableError([problem]);
    parsed += rows.length;
    const total = Math.round(parsed * (piece.size / Math.max(1, piece.read)));
    for (const row of rows) {
      buffer.push(row);
      if (buffer.length < size) continue;
      const chunk = buffer;
      buffer = [];
      await onChunk(header!, chunk, { total });
    }
  }
  if (blank) throw new TableError([{ line: 0, ...say('fileEmpty') }]);
  if (!header) throw new TableError([{ line: 0, ...say('fileNoHeader') }]);
  if (!parsed) throw new TableError([{ line: 0, ...say('fileNoRows') }]);
  await onChunk(header, buffer, { total: parsed });
}
