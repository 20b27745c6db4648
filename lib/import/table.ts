import Papa from 'papaparse';
import { say, type ImportCode } from './said';

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

/**
 * The lines a report export adds below its rows (Salesforce: "Grand Totals (200 records)", its
 * confidentiality and copyright lines): one cell, where a row has many. Not rows at all.
 */
const REPORT_FOOTER = /^(grand totals?\b|total\b|confidential information|copyright\b|итого\b)/i;

export type Table =
  { ok: true; header: string[]; rows: TableRow[] } | { ok: false; problems: ImportProblem[] };

/** The text as the reader wants it: no byte order mark, one kind of line ending. */
function normalise(input: string): string {
  return input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The separator of the header line: the one of comma, semicolon and tab it uses most. */
function detectDelimiter(text: string): string {
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
function parse(text: string, visit: Visitor, complete: () => void): void {
  let cursor = 0;
  let line = 1;
  // The header's width; 0 until it is read.
  let width = 0;
  // After a pause, Papa Parse counts its cursor from where it resumed.
  let base = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: detectDelimiter(text),
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
      if (width > 1 && fields.length === 1 && REPORT_FOOTER.test(fields[0]!.trim())) return;
      if (!width) {
        width = fields.length;
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
 * Reads the text in chunks of `size` rows, waiting for `onChunk` to finish with each before
 * reading on, so that a million-row file never sits in memory as rows. Rejects with a TableError
 * for a file that cannot be read, or with whatever `onChunk` throws.
 */
export function streamTable(
  input: string,
  size: number,
  onChunk: (header: string[], rows: TableRow[], at: { line: number; lines: number }) => Promise<void>,
): Promise<void> {
  const text = normalise(input);
  if (!text.trim()) return Promise.reject(new TableError([{ line: 0, ...say('fileEmpty') }]));
  return new Promise((resolve, reject) => {
    let header: string[] | null = null;
    let buffer: TableRow[] = [];
    let rowsSeen = 0;
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error);
    };
    parse(
      text,
      {
        header: (h) => (header = h),
        row: (row, control) => {
          buffer.push(row);
          rowsSeen++;
          if (buffer.length < size) return;
          const rows = buffer;
          buffer = [];
          control.pause();
          onChunk(header!, rows, { line: row.line, lines: countLines(text) }).then(
            () => control.resume(),
            (error: unknown) => {
              control.abort();
              fail(error);
            },
          );
        },
        problem: (p) => fail(new TableError([p])),
      },
      () => {
        if (failed) return;
        if (!header) return fail(new TableError([{ line: 0, ...say('fileNoHeader') }]));
        if (!rowsSeen) return fail(new TableError([{ line: 0, ...say('fileNoRows') }]));
        const lines = countLines(text);
        onChunk(header, buffer, { line: lines, lines }).then(() => resolve(), fail);
      },
    );
  });
}

let counted: { text: string; lines: number } | null = null;

/** Lines in the text, counted once per text: progress is the share of lines read. */
function countLines(text: string): number {
  if (counted?.text !== text) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    counted = { text, lines };
  }
  return counted.lines;
}
